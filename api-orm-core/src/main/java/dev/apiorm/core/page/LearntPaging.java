package dev.apiorm.core.page;

import org.jspecify.annotations.Nullable;

import dev.apiorm.Pagination;

/**
 * How one endpoint pages as its responses showed, where that differs from the client's
 * configuration: shown by the {@code apiorm} Actuator endpoint, so that an operator sees
 * what the client adapted to.
 *
 * @param model the model whose endpoint it is
 * @param pagination the pagination style the endpoint answers in
 * @param serverPageSize the page size the server fixes whatever the client asks for,
 * {@code null} while it honours the size asked for
 */
public record LearntPaging(String model, Pagination pagination, @Nullable Integer serverPageSize) {

}
