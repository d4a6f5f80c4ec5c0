/**
 * Changes whenever the same note may yield other questions: stored notes are analysed again once. A module of
 * its own so that reading it (every ingest does, to see whether a note is current) loads no parser: a
 * re-ingest with nothing changed never parses.
 */
export const GENERATOR_VERSION = '42';
