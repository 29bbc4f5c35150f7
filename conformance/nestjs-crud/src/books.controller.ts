import { Controller } from '@nestjs/common';
import { Crud, CrudController } from '@nestjsx/crud';
import { Book } from './book.entity';
import { BooksService } from './books.service';

/**
 * GET /books answers {data, count, total, page, pageCount} even without limit or page
 * (alwaysPaginate), 10 records unless ?limit= says otherwise, at most 50.
 */
@Crud({
  model: { type: Book },
  query: { alwaysPaginate: true, limit: 10, maxLimit: 50 },
})
@Controller('books')
export class BooksController implements CrudController<Book> {
  constructor(public service: BooksService) {}
}
