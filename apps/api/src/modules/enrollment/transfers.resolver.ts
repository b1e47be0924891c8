import { formatSchoolId } from '@repo/domain/school';
import { reversalWindowDays } from '@repo/domain/transfer';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { clock } from '../../clock.js';
import { type Context } from '../../context.js';
import {
  listTransfers,
  reverseTransfer,
  reversibleBy,
  type TransferRow,
} from './transfers.service.js';
import { ReverseTransferInput, Transfer, TransferDirection } from './transfers.type.js';

function toTransfer(row: TransferRow, reversible: boolean): Transfer {
  return Object.assign(new Transfer(), {
    id: row.id,
    learnerId: row.learner_id,
    learnerName: row.learner_name,
    lrn: row.lrn?.trim() ?? null,
    schoolYear: row.school_year,
    kind: row.kind,
    fromSchoolId: row.from_school_id === null ? null : formatSchoolId(row.from_school_id),
    fromSchoolName: row.from_school_name,
    toSchoolId: formatSchoolId(row.to_school_id),
    toSchoolName: row.to_school_name,
    proofBasis: row.proof_basis,
    documentSeen: row.document_seen,
    reason: row.reason,
    movedOn: row.moved_on,
    recordedAt: new Date(row.recorded_at).toISOString(),
    recordedBy: row.recorded_by,
    reversedOn: row.reversed_on,
    reversedBy: row.reversed_by,
    reversalReason: row.reversal_reason,
    reversible,
  });
}

@Resolver()
export class TransfersResolver {
  @Query(() => [Transfer], {
    description:
      'Admissions of learners from other schools at either end of your place, newest first: a school its own, a division its schools (issue 18).',
  })
  async transfers(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('schoolYear', () => String, { nullable: true }) schoolYear: string | null,
    @Arg('direction', () => TransferDirection, {
      nullable: true,
      description: 'IN: taken in by your place; OUT: gone from it; both when not given.',
    })
    direction: TransferDirection | null,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
  ): Promise<Transfer[]> {
    const today = clock.today();
    const rows = await listTransfers(dataSource, viewer!, { schoolYear, direction, limit });
    return rows.map((row) => toTransfer(row, reversibleBy(viewer!, row, today)));
  }

  @Mutation(() => Transfer, {
    description: `Reverses an admission made in error, as the division of the school the learner came from, within ${reversalWindowDays} days: both enrollments are restored exactly (issue 18).`,
  })
  async reverseTransfer(
    @Ctx() { dataSource, viewer }: Context,
    @Arg('input') input: ReverseTransferInput,
  ): Promise<Transfer> {
    const row = await reverseTransfer(dataSource, viewer!, input);
    return toTransfer(row, false);
  }
}
