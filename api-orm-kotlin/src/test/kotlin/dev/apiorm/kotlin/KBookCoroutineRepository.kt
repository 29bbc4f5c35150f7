package dev.apiorm.kotlin

import kotlinx.coroutines.flow.Flow
import org.springframework.data.domain.Page
import org.springframework.data.domain.Pageable
import org.springframework.data.repository.kotlin.CoroutineCrudRepository
import org.springframework.data.repository.kotlin.CoroutineSortingRepository

/**
 * Spring Data's coroutine repositories of [KBook], with derived queries that suspend or
 * return a `Flow`.
 */
// tag::coroutine-repository[]
interface KBookCoroutineRepository : CoroutineCrudRepository<KBook, Long>, CoroutineSortingRepository<KBook, Long> {

	suspend fun findByTitle(title: String): KBook?

	fun findByGenreOrderByPagesDesc(genre: String): Flow<KBook>

	suspend fun findByPagesGreaterThan(pages: Int): List<KBook>

	suspend fun countByGenre(genre: String): Long

	suspend fun existsByTitle(title: String): Boolean

	suspend fun findByGenre(genre: String, pageable: Pageable): Page<KBook>

}
// end::coroutine-repository[]
