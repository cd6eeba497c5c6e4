/**
 * The skill taxonomy: skills by category with their English and French names and synonyms, and resolving what
 * people type ({@code seo}, {@code référencement}) to one skill.
 */
package io.tandem.skills;
