package dev.apiorm.repository.query;

import java.util.stream.Stream;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * What a derived query method returns, decided once at start-up.
 */
enum QueryKind {

	COUNT, EXISTS, PAGE, SLICE, WINDOW, COLLECTION, STREAM, SINGLE;

	/** By name: Kotlin's coroutines may be absent. */
	private static final String FLOW = "kotlinx.coroutines.flow.Flow";

	/**
	 * The kind of a method.
	 * @param tree the parsed method name
	 * @param method the query method
	 * @param returnType the method's return type ({@code Mono}, {@code Flux},
	 * {@code Flow}, {@code List}, ..., what a {@code suspend} function returns)
	 * @return the kind
	 */
	static QueryKind of(PartTree tree, QueryMethod method, Class<?> returnType) {
		if (tree.isCountProjection()) {
			return COUNT;
		}
		if (tree.isExistsProjection()) {
			return EXISTS;
		}
		if (method.isPageQuery()) {
			return PAGE;
		}
		if (method.isSliceQuery()) {
			return SLICE;
		}
		if (method.isScrollQuery()) {
			return WINDOW;
		}
		if (Stream.class.isAssignableFrom(returnType)) {
			return STREAM;
		}
		if (Flux.class.isAssignableFrom(returnType) || FLOW.equals(returnType.getName())
				|| (!Publisher.class.isAssignableFrom(returnType) && method.isCollectionQuery())) {
			return COLLECTION;
		}
		return SINGLE;
	}

}
