/**
 * YAML read into the same located JSON tree ({@code dev.policygen.json}) that every other input
 * uses, so CloudFormation templates and renew configs report errors as {@code file:line:col} like
 * JSON does.
 */
package dev.policygen.yaml;
