/**
 * {@code policygen validate}: sends policies to IAM Access Analyzer (ValidatePolicy, and
 * CheckNoNewAccess against a reference policy) and turns the answers into lint findings placed at the
 * input file's line and column, so one set of reporters and one {@code --fail-on} serve lint and
 * validate. Talks to AWS only through the SDK-free interfaces of {@code dev.policygen.aws}; reads its
 * inputs with {@code lint.input}.
 */
package dev.policygen.validate;
