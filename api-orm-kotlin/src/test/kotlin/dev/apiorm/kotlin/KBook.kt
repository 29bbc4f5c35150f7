package dev.apiorm.kotlin

import dev.apiorm.ApiModel

/**
 * An immutable Kotlin model: every property a `val`, set through the constructor only.
 */
// tag::data-class[]
@ApiModel(endpoint = "/books/")
data class KBook(val id: Long? = null, val title: String, val pages: Int = 0, val genre: String? = null)
// end::data-class[]
