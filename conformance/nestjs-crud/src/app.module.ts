import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Book } from './book.entity';
import { BooksController } from './books.controller';
import { BooksService } from './books.service';

/** TypeORM on sql.js: an in-memory SQLite compiled to WebAssembly, nothing native. */
@Module({
  imports: [
    TypeOrmModule.forRoot({ type: 'sqljs', autoSave: false, synchronize: true, entities: [Book] }),
    TypeOrmModule.forFeature([Book]),
  ],
  controllers: [BooksController],
  providers: [BooksService],
})
export class AppModule {}
