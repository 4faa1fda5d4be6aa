/** A document file that cannot be read as text: the message completes "FILE …" in one line. */
export class FormatError extends Error {}
