package dev.apiorm.repository.query;

import org.jspecify.annotations.Nullable;

import org.springframework.data.repository.query.ParametersParameterAccessor;

import dev.apiorm.query.QueryDefinition;

/**
 * How the arguments of one call of a query method become a query: from the method's name
 * ({@link DerivedMethodQuery}) or from its {@link dev.apiorm.ApiQuery}
 * ({@link AnnotatedMethodQuery}).
 */
interface MethodQuery {

	/**
	 * The query with stand-ins for the arguments, checked against the dialect at
	 * start-up.
	 * @return the query
	 */
	QueryDefinition template();

	/**
	 * The query of one call, ordered as the method and its {@code Sort} or
	 * {@code Pageable} argument ask.
	 * @param accessor the call's arguments
	 * @return the query
	 */
	QueryDefinition create(ParametersParameterAccessor accessor);

	/**
	 * Whether the method counts the matching records.
	 * @return {@code true} for a count
	 */
	boolean isCount();

	/**
	 * Whether the method tells whether any record matches.
	 * @return {@code true} for an existence check
	 */
	boolean isExists();

	/**
	 * How many records the method's name limits the results to ({@code First},
	 * {@code Top5}).
	 * @return the maximum, {@code null} for none
	 */
	@Nullable Integer maxResults();

	/**
	 * The description of the query, for messages.
	 * @return the description
	 */
	String describe();

}
