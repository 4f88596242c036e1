/**
 * The one implementation of each small file operation the commands share: the crash-safe atomic
 * replace of a file (and the never-overwrite write of a new one, and the write of a user's
 * {@code -o} target, which goes through a FIFO or device rather than renaming over it), what kind
 * of node a name is ({@code FileKind}), the modes files are created with, private and temporary
 * directories and their removal, the reading of a user-given input file or standard input into
 * text, within one size limit, with one wording of its errors, and one wording of a local path that
 * cannot be used ({@code LocalPaths}). Depends on nothing of policygen but the root package's
 * failure types, so every layer may use it; generate's {@code -o} path runs through it, so it uses
 * no lambdas, streams or regular expressions.
 */
package dev.policygen.io;
