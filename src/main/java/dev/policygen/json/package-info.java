/**
 * A JSON tree that remembers the line and column of every value and key, and keeps duplicate keys in
 * source order so that lint can report them: the reader (Jackson's streaming parser only, no databind)
 * and the pretty and minified writers. Every input policygen reads (policies, profiles, renew configs,
 * and YAML through {@code dev.policygen.yaml}) becomes this tree first. Depends only on the root
 * package; knows nothing of policies or IAM.
 */
package dev.policygen.json;
