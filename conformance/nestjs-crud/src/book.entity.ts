import { CrudValidationGroups } from '@nestjsx/crud';
import { IsBoolean, IsDateString, IsInt, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const { CREATE, UPDATE } = CrudValidationGroups;

/** A book of the conformance dataset, validated as the @nestjsx/crud documentation shows. */
@Entity('book')
export class Book {
  @PrimaryGeneratedColumn()
  id: number;

  @IsOptional({ groups: [UPDATE] })
  @IsNotEmpty({ groups: [CREATE] })
  @IsString({ always: true })
  @Column()
  title: string;

  @IsOptional({ always: true })
  @IsInt({ always: true })
  @Column({ type: 'integer', nullable: true })
  pages: number | null;

  @IsOptional({ always: true })
  @IsDateString({ strict: true }, { always: true })
  @Column({ type: 'date', nullable: true })
  published: string | null;

  @IsOptional({ always: true })
  @IsString({ always: true })
  @Column({ type: 'varchar', nullable: true })
  genre: string | null;

  @IsOptional({ always: true })
  @IsBoolean({ always: true })
  @Column({ type: 'boolean', nullable: true })
  available: boolean | null;
}
