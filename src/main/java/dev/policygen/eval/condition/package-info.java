/**
 * The condition operators of the evaluator, one small class per family (String, Numeric, Date,
 * Bool, Binary, IpAddress, Arn, Null), and {@link CompiledCondition}, one key under one operator with its
 * set qualifier and IfExists handling (docs/design/iam-semantics.md §5.3). Operators read the request
 * context and the wildcard and variable primitives of {@code dev.policygen.eval}, which in turn holds
 * compiled conditions: a deliberate split of one concept, the only package cycle allowed. Depends
 * otherwise only on {@code model} and {@code route53}.
 */
package dev.policygen.eval.condition;
