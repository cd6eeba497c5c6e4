/**
 * Privacy: members own their data. {@code /mentor export} hands a member everything Tandem keeps about them, by
 * ownership (each stored record knows whose data it holds), with what is not theirs to see left out: the asker of an
 * anonymous question, someone else's private note. {@code /mentor forget-me} erases what is only theirs and replaces
 * them with "a former member" in what they shared with others. Storage goes through the {@link
 * io.tandem.privacy.MemberData} port.
 */
package io.tandem.privacy;
