import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { type Context } from '../../context.js';
import { type LearnerImportEntity } from './learner-import.entity.js';
import {
  type CommittedRow,
  commitLearnerImport,
  previewLearnerImport,
  type StagedRow,
} from './learner-import.service.js';
import { LearnerImport, LearnerImportInput } from './learner-import.type.js';

function toImport(entity: LearnerImportEntity): LearnerImport {
  const rows = entity.rows as StagedRow[];
  const committed = (entity.result as CommittedRow[] | null) ?? [];
  return Object.assign(new LearnerImport(), {
    id: entity.id,
    fileName: entity.fileName,
    schoolYear: entity.schoolYear,
    status: entity.status,
    totalRows: rows.length,
    invalidRows: rows.filter((r) => r.outcome === 'INVALID').length,
    suspectedDuplicates: rows.filter((r) => r.outcome === 'SUSPECTED_DUPLICATE').length,
    rows: rows.map((r) => ({
      rowNumber: r.rowNumber,
      lrn: r.values.lrn ?? null,
      lastName: r.values.lastName ?? null,
      firstName: r.values.firstName ?? null,
      birthDate: r.values.birthDate ?? null,
      gradeLevel: r.values.gradeLevel ?? null,
      outcome: r.outcome,
      errors: r.errors.map((e) => ({ field: e.field, rule: e.code })),
      learnerId: r.learnerId,
      // Imports staged before issue 18 kept no place flag: their candidates count as outside.
      candidates: r.candidates.map((c) => ({
        ...c,
        sex: c.sex ?? null,
        lastSchoolName: c.lastSchoolName ?? null,
        inScope: c.inScope ?? false,
        lrn: c.inScope ? c.lrn : null,
      })),
    })),
    committed,
    created: committed.filter((r) => r.result === 'CREATED_AND_ENROLLED').length,
    enrolled: committed.filter(
      (r) => r.result === 'CREATED_AND_ENROLLED' || r.result === 'ENROLLED',
    ).length,
  });
}

@Resolver()
export class LearnerImportResolver {
  @Mutation(() => LearnerImport, {
    description:
      'Stages a learner list (CSV or XLSX) of your school: each row validated, its learner found or its likely duplicates listed. Nothing is enrolled until commitLearnerImport.',
  })
  async previewLearnerImport(
    @Arg('input', () => LearnerImportInput) input: LearnerImportInput,
    @Ctx() { dataSource, viewer }: Context,
  ): Promise<LearnerImport> {
    return toImport(await previewLearnerImport(dataSource, viewer!, input));
  }

  @Mutation(() => LearnerImport, {
    description:
      'Creates and enrols the importable rows of a staged list; suspected duplicates only when their row is in confirmNewRows. A second import of the same list creates nothing.',
  })
  async commitLearnerImport(
    @Arg('importId', () => ID) importId: string,
    @Ctx() { dataSource, viewer }: Context,
    @Arg('confirmNewRows', () => [Int], { defaultValue: [] }) confirmNewRows: number[],
  ): Promise<LearnerImport> {
    return toImport(await commitLearnerImport(dataSource, viewer!, importId, confirmNewRows));
  }
}
