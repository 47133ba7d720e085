/**
 * The regulator's red-flag rules on government units' vouchers: {@link
 * org.govchain.accounting.redflags.RedFlags#evaluate} runs every enabled {@link
 * org.govchain.accounting.redflags.RedFlagRule} on a voucher's {@link
 * org.govchain.accounting.redflags.VoucherFacts} with what the service looked up for it ({@link
 * org.govchain.accounting.redflags.Context}) and returns {@link
 * org.govchain.accounting.redflags.Flag}s that explain themselves.
 *
 * <p>Pure Java: no database, no Spring beans; {@link
 * org.govchain.accounting.redflags.RedFlagSettings} is the only Spring type, a
 * {@code @ConfigurationProperties} record. The service maps its vouchers in and stores the flags.
 */
package org.govchain.accounting.redflags;
