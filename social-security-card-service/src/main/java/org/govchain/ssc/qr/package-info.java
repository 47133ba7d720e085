/**
 * Dynamic QR codes for electronic social security cards: the service signs a short-lived payload
 * naming a card by its internal id only ({@link org.govchain.ssc.qr.QrIssuer}), the holder's app
 * shows it ({@link org.govchain.ssc.qr.QrImage}), a service point scans it and the service checks
 * it ({@link org.govchain.ssc.qr.QrVerifier}). The wire layout is documented on {@link
 * org.govchain.ssc.qr.QrPayload}. Single use (each token id accepted once) is decided by the
 * caller's store, not here.
 */
package org.govchain.ssc.qr;
