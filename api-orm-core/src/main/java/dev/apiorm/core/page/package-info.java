/**
 * The page pipeline: how a window of a query is read. A {@link WindowReader} asks for
 * pages in the paging the endpoint has shown, learns a page size or style the server
 * fixes, and hands every decoded page through an ordered list of {@link PageStage}s
 * (result verification and change tracking first) before its records reach the caller.
 * The reader fetches through a {@link PageSource}, so it knows nothing of HTTP.
 */
@NullMarked
package dev.apiorm.core.page;

import org.jspecify.annotations.NullMarked;
