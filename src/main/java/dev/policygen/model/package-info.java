/**
 * The IAM identity policy as immutable values (documents, statements, condition blocks, values),
 * the strict reader that rejects the first element IAM would reject, and {@link PolicyWriter}, the one
 * canonical writer every output format goes through. Depends only on the root package and {@code json};
 * it knows nothing of Route 53, evaluation or linting, which all build on it.
 */
package dev.policygen.model;
