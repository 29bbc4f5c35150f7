package dev.apiorm.conformance.spring;

import dev.apiorm.ApiModel;
import dev.apiorm.conformance.dialects.Book;

/**
 * A book of the Feathers service that answers plain arrays.
 */
@ApiModel(endpoint = "/plain-books")
public class PlainBook extends Book {

}
