/**
 * Concurrency helpers the built-in backends share, such as the striped locks that make a
 * read-modify-write of one stored record atomic on a node.
 */
package io.coffer.builtin.concurrent;
