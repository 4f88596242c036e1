/**
 * Notifications of renew's outcomes ({@code renew --notify URI} and the renew config's {@code notify} key,
 * combined by {@code NotifySettings.combinedWith}): what a target is (an SNS topic or an
 * HTTPS webhook), the events a pass sends (renewed, failed, expiring after a failure), their JSON body,
 * and sending them so that a failure to notify is one log line and never changes the renewal's result.
 * The SNS request itself goes through the policy guard; this package only names the topic.
 */
package dev.policygen.renew.notify;
