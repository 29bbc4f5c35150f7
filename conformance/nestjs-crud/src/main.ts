// NestJS 8 with @nestjsx/crud 4.6 on TypeORM 0.2 and sql.js, serving the conformance
// dataset at /books on 127.0.0.1.
// Usage: node serve.js PORT [BOOKS_JSON]. Prints "READY <port>" once listening; exits when
// its standard input closes, so that it never outlives the test JVM that started it.
import 'reflect-metadata';
import { readFileSync } from 'fs';
import { AddressInfo } from 'net';
import { join } from 'path';
import { NestFactory } from '@nestjs/core';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppModule } from './app.module';
import { Book } from './book.entity';

async function main(): Promise<void> {
  const port = Number(process.argv[2] || 0);
  const dataset = process.argv[3] || join(__dirname, '..', '..', 'books.json');
  const app = await NestFactory.create(AppModule, { logger: ['error', 'warn'] });
  const books: Repository<Book> = app.get(getRepositoryToken(Book));
  await books.insert(JSON.parse(readFileSync(dataset, 'utf8')));
  await app.listen(port, '127.0.0.1');
  console.log('READY ' + (app.getHttpServer().address() as AddressInfo).port);
}

process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
