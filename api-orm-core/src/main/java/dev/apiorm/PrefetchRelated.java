package dev.apiorm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The relations whose records a derived query method fetches with its pages, as
 * {@link QuerySet#prefetchRelated(String...)} does for a query set (and as JPA's
 * {@code @EntityGraph} does for a repository method):
 * {@code @PrefetchRelated("author") List<Book> findByGenre(String genre)}. Paths that are
 * no relations of the model fail start-up naming the method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PrefetchRelated {

	/**
	 * The relation paths, {@code __} between the relations of a path.
	 * @return the paths
	 */
	String[] value();

}
