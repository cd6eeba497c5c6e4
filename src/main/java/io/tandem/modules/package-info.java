/**
 * Learning modules: a short plan per skill (a title and 3 to 8 steps, each with a goal, a suggested topic and
 * optional links), in English and French. Tandem ships a starter set; leads import their own per workspace. A pair
 * follows the module of its skill (and one back the other way): scheduling proposes the next step's topic, a
 * check-in marks a step done, {@code /mentor pairs} and {@code /stats} show how far pairs got.
 */
package io.tandem.modules;
