import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Municipality } from './municipality.entity.js';
import { State } from './state.entity.js';

@Injectable()
export class TerritoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  states(): Promise<State[]> {
    return this.dataSource.getRepository(State).find({ order: { code: 'ASC' } });
  }

  municipalities(): Promise<Municipality[]> {
    return this.dataSource.getRepository(Municipality).find({ order: { code: 'ASC' } });
  }
}
