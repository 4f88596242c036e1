/**
 * Client profiles as data: what each ACME client calls on AWS, read from {@code policies/*.json}.
 * At build time {@link dev.policygen.profile.ProfileCompiler} turns each file into the compact form
 * generate decodes at start-up and writes the index of files and aliases; generate's cold path reads
 * only the index and the one profile it needs.
 */
package dev.policygen.profile;
