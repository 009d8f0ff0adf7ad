/**
 * Helpers the built-in backends share for their stored records: reading and writing explicit,
 * versioned JSON records whose failures name only the record kind, never its content.
 */
package io.coffer.builtin.storage;
