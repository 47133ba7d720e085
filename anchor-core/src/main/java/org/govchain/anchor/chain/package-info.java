/**
 * Chain access for GovChain: the AnchorRegistry contract through web3j ({@link
 * org.govchain.anchor.chain.AnchorRegistryClient}), log ids ({@link
 * org.govchain.anchor.chain.LogId}) and the typed failures of both ({@link
 * org.govchain.anchor.chain.ChainException} and its subclasses).
 */
package org.govchain.anchor.chain;
