package dev.apiorm.kotlin

import dev.apiorm.ApiQuery
import dev.apiorm.ApiRepository
import kotlinx.coroutines.flow.Flow

/**
 * The api-orm repository of [KBook], with derived queries that suspend or return a `Flow`
 * beside its blocking methods.
 */
// tag::api-repository-coroutines[]
interface KBookApi : ApiRepository<KBook> {

	fun findByGenre(genre: String): Flow<KBook>

	suspend fun findFirstByGenreOrderByPagesDesc(genre: String): KBook?

	suspend fun countByGenre(genre: String): Long

	@ApiQuery("genre=:genre", "pages__gte=100", orderBy = ["-pages"])
	suspend fun longReadsIn(genre: String): List<KBook>

}
// end::api-repository-coroutines[]
