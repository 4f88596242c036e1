/**
 * Tests of what ships policygen as a service (issue 14): the systemd units of packaging/systemd/ verified by the
 * real systemd-analyze, the generated shell completion run in a real bash, and the install into a prefix.
 */
package dev.policygen.packaging;
