package org.lifecert.notification.delivery;

/**
 * An SMS provider. The default adapter is {@link HttpSmsGateway}; a provider with another protocol
 * plugs in as a CDI bean implementing this interface (it replaces the default bean).
 */
public interface SmsGateway {

    /**
     * Sends {@code text} to {@code phone}; {@code reference} is the delivery id, which the gateway
     * can use to drop a resend of a message it already accepted. Returns the gateway's status code.
     */
    int send(String phone, String text, String reference) throws DeliveryFailure;
}
