/**
 * YAML read into the same located JSON tree ({@code dev.policygen.json}) that every other input
 * uses, so CloudFormation templates and renew configs report errors as {@code file:line:col} like
 * JSON does. YAML the tree cannot hold faithfully (aliases, merge keys, tags it does not know) is refused
 * with its position rather than read as text.
 */
package dev.policygen.yaml;
