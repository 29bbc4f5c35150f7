package dev.apiorm.kotlin

import dev.apiorm.ApiModel

/**
 * A model that is a Java record (`@JvmRecord`): immutable as any record.
 */
@ApiModel(endpoint = "/notes/")
@JvmRecord
data class KNote(val id: Long?, val text: String)
