package dev.apiorm.autoconfigure.app;

import dev.apiorm.ApiModel;

/**
 * A model without a declared repository, served by a named client.
 *
 * @param id the id
 * @param total the total
 */
@ApiModel(endpoint = "/invoices/", client = "billing")
public record Invoice(Long id, int total) {
}
