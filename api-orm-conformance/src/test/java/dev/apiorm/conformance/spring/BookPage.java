package dev.apiorm.conformance.spring;

import java.util.List;

import org.springframework.data.domain.Page;

/**
 * A page of records as spring-petclinic-rest's v2 API writes it by hand (its
 * {@code OwnerPageDto}): the page number is a plain number beside the records, not
 * Spring's nested {@code page} object.
 *
 * @param content the page's records
 * @param page the page's number, from 0
 * @param size the page's size as asked
 * @param totalElements the number of records of every page
 * @param totalPages the number of pages
 */
record BookPage(List<StoredBook> content, int page, int size, long totalElements, int totalPages) {

	static BookPage of(Page<StoredBook> page) {
		return new BookPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
				page.getTotalPages());
	}

}
