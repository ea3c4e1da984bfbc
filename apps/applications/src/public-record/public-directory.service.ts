import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import type { AnnouncementDto, ListAnnouncements, ListPublicCenters, PublicCenterDto } from '@tic/contracts';
import { liaoningCityOf } from '@tic/domain';
import { pageOf, refuse } from '@tic/platform';

import { Center } from '../centers/center.entity';
import { Organization } from '../organizations/organization.entity';
import { Announcement } from './announcement.entity';
import { renderAnnouncementPdf } from './announcement-pdf';
import { ANNOUNCEMENT_REFUSALS } from './public-record.refusals';

type DirectoryFilter = Omit<z.output<typeof ListPublicCenters.request>, 'limit' | 'cursor'> & { cursor?: string };

/** The public record, read without a token: the directory of centers and the announcements (公告). */
@Injectable()
export class PublicDirectoryService {
  constructor(private readonly entityManager: EntityManager) {}

  async centers(input: z.output<typeof ListPublicCenters.request>) {
    const em = this.entityManager.fork();
    const rows = await em
      .getRepository(Center)
      .find(directoryWhere(input), { orderBy: { id: 'desc' }, limit: input.limit + 1 });
    const page = await publicCenters(em, rows);
    return pageOf(
      page,
      input.limit,
      (row) => row.id,
      (row) => row,
    );
  }

  async announcements(input: z.output<typeof ListAnnouncements.request>) {
    const rows = await this.entityManager.fork().getRepository(Announcement).page(input, input.limit);
    return pageOf(rows, input.limit, (row) => row.id, toAnnouncementDto);
  }

  async announcement(id: string): Promise<AnnouncementDto> {
    const row = await this.entityManager.fork().getRepository(Announcement).findOne(id);
    if (row === null) throw refuse(ANNOUNCEMENT_REFUSALS.not_found);
    return toAnnouncementDto(row);
  }

  async pdf(id: string) {
    const announcement = await this.announcement(id);
    if (announcement.kind === 'evaluation_result') throw refuse(ANNOUNCEMENT_REFUSALS.no_document);
    const content = await renderAnnouncementPdf(announcement);
    return {
      fileName: `announcement-${announcement.announcedOn}-${id}.pdf`,
      contentBase64: content.toString('base64'),
    };
  }
}

/** The centers matching the directory's filters (name search in either language, field, city, status). */
export function directoryWhere(filter: DirectoryFilter): FilterQuery<Center> {
  const like = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
  const conditions: FilterQuery<Center>[] = [];
  if (filter.status) conditions.push({ status: filter.status });
  if (filter.city) conditions.push({ regionCode: { $like: `${filter.city}%` } });
  if (filter.field)
    conditions.push({
      $or: [{ fieldZh: { $ilike: like(filter.field) } }, { fieldEn: { $ilike: like(filter.field) } }],
    });
  if (filter.q)
    conditions.push({ $or: [{ nameZh: { $ilike: like(filter.q) } }, { nameEn: { $ilike: like(filter.q) } }] });
  if (filter.cursor) conditions.push({ id: { $lt: filter.cursor } });
  return conditions.length === 0 ? {} : { $and: conditions };
}

/** Centers as the public sees them: the supporting unit's name, the city, the last grade; nothing personal. */
export async function publicCenters(em: EntityManager, centers: readonly Center[]): Promise<PublicCenterDto[]> {
  const names = await em.getRepository(Organization).namesOf([...new Set(centers.map((c) => c.supportingUnitId))]);
  const grades = await em.getRepository(Announcement).lastGrades(centers.map((c) => c.id));
  return centers.map((c) => ({
    id: c.id,
    name: { zh: c.nameZh, en: c.nameEn },
    field: { zh: c.fieldZh, en: c.fieldEn },
    supportingUnit: names.get(c.supportingUnitId) ?? '',
    city: liaoningCityOf(c.regionCode),
    status: c.status,
    establishedOn: c.establishedOn,
    lastEvaluation: grades.get(c.id) ?? null,
  }));
}

export function toAnnouncementDto(row: Announcement): AnnouncementDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    centerId: row.centerId,
    centerName: { zh: row.centerNameZh, en: row.centerNameEn },
    announcedOn: row.announcedOn,
    pdf: row.kind !== 'evaluation_result',
    details: row.details,
  } as AnnouncementDto;
}
