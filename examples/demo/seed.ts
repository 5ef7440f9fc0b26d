// Past interviews for the demo, so that HR's chart and a plausibility flag show on the first start,
// and front-line roles sit just under their 30 % alert line: the next front-line exit crosses it,
// live (R26). Idempotent: an interview that has already exited is left alone, so restarts add nothing.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ExitRecord } from '@ai-interview-exit/core';

interface Past {
  jobType: 'frontline' | 'manager' | 'executive' | 'engineer';
  roleTitle: string;
  name: string;
  /** Null: still running or finished normally (counts as started, not exited). */
  exit: { reason: string | null; text?: string; answered: number; minutes: number; daysAgo: number; stage: string; candidate?: string } | null;
}

/** The demo's roles and their titles as the company stores them, for the seeded history and for new candidates. */
export const ROLE_TITLES = {
  frontline: '操作工',
  manager: '区域经理',
  executive: '财务总监',
  engineer: '前端工程师',
} as const;

/** The same titles in English, for HR's report in English (its `roleTitles`). */
export const ROLE_TITLES_EN: Record<string, { en: string }> = {
  [ROLE_TITLES.frontline]: { en: 'Production operator' },
  [ROLE_TITLES.manager]: { en: 'Regional manager' },
  [ROLE_TITLES.executive]: { en: 'Finance director' },
  [ROLE_TITLES.engineer]: { en: 'Front-end engineer' },
};

const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强', '周婷', '吴军', '徐丽', '孙涛', '马超', '朱琳', '胡斌', '郭敏', '何平', '高峰', '林晓', '罗丹', '郑浩', '梁静', '谢楠', '宋佳', '唐宁', '许晴', '韩冰', '冯磊', '邓超', '曹雪', '彭博', '曾敏', '萧然', '田野', '董洁', '袁帅'];

/** 38 interviews begun: 14 front-line (4 exits, 29 %: one more crosses 30 %), 10 management (2), 6 executive (1), 8 engineering (2). */
function pastInterviews(): Past[] {
  const exits: Record<Past['jobType'], Past['exit'][]> = {
    frontline: [
      { reason: 'not-interested', text: '需要频繁出差，家里照顾不过来', answered: 4, minutes: 11, daysAgo: 1, stage: 'professional' },
      { reason: 'emergency', answered: 2, minutes: 6, daysAgo: 2, stage: 'professional', candidate: 'cand-seed-repeat' },
      { reason: 'emergency', text: '网络断了', answered: 1, minutes: 4, daysAgo: 9, stage: 'self-introduction', candidate: 'cand-seed-repeat' },
      { reason: 'mis-click', answered: 9, minutes: 42, daysAgo: 3, stage: 'closing' },
    ],
    manager: [
      { reason: 'privacy', text: '不希望录制面部视频', answered: 3, minutes: 8, daysAgo: 4, stage: 'professional' },
      { reason: 'emergency', answered: 6, minutes: 20, daysAgo: 11, stage: 'professional' },
    ],
    executive: [{ reason: 'other', text: '已接受其他公司的录用', answered: 2, minutes: 9, daysAgo: 5, stage: 'professional' }],
    engineer: [
      { reason: 'mis-click', answered: 0, minutes: 1, daysAgo: 2, stage: 'self-introduction' },
      { reason: null, answered: 3, minutes: 12, daysAgo: 8, stage: 'professional' },
    ],
  };
  const sizes: Record<Past['jobType'], number> = { frontline: 14, manager: 10, executive: 6, engineer: 8 };
  let n = 0;
  return (Object.keys(sizes) as Past['jobType'][]).flatMap((jobType) =>
    Array.from({ length: sizes[jobType] }, (_, i) => ({ jobType, roleTitle: ROLE_TITLES[jobType], name: NAMES[n++ % NAMES.length]!, exit: exits[jobType][i] ?? null })),
  );
}

/** A stable UUID v4 from a name, so that a restart sends the same idempotency keys. */
function stableUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function seedDemo(app: FastifyInstance, hrToken: string, now = new Date()): Promise<{ interviews: number; exits: number }> {
  let exits = 0;
  const past = pastInterviews();
  const tokens: string[] = [];
  // Every interview is registered and begun first, and the exits come after: the rates climb to
  // where they stand, and never pass an alert line on the way (a seed is no news for HR).
  for (const [index, interview] of past.entries()) {
    const interviewId = `seed-${String(index + 1).padStart(3, '0')}`;
    const candidateRef = interview.exit?.candidate ?? `cand-${interviewId}`;
    const registered = await app.inject({
      method: 'POST',
      url: '/v1/interviews',
      headers: { authorization: `Bearer ${hrToken}` },
      payload: { interviewId, candidateRef, candidateName: interview.name, contact: { phone: `1380000${String(index).padStart(4, '0')}` }, jobType: interview.jobType, roleTitle: interview.roleTitle },
    });
    if (registered.statusCode >= 300) throw new Error(`seed ${interviewId}: ${registered.body}`);
    const { token } = registered.json() as { token: string };
    tokens.push(token);
    // A registered interview counts as begun once answered: these were, whether they ended in an exit or not.
    const answered = interview.exit?.answered || 1;
    const startedAt = new Date(now.getTime() - ((interview.exit?.daysAgo ?? 1) * 86_400_000)).toISOString();
    const progress = { interviewId, stage: interview.exit?.stage ?? 'closing', answered, total: 10, questionSeconds: Array.from({ length: answered }, () => 60), startedAt, updatedAt: startedAt };
    const begun = await app.inject({ method: 'POST', url: '/v1/progress', headers: { authorization: `Bearer ${token}` }, payload: progress });
    if (begun.statusCode >= 300) throw new Error(`seed progress ${interviewId}: ${begun.body}`);
  }
  for (const [index, interview] of past.entries()) {
    if (!interview.exit) continue;
    const interviewId = `seed-${String(index + 1).padStart(3, '0')}`;
    const candidateRef = interview.exit.candidate ?? `cand-${interviewId}`;
    const token = tokens[index]!;
    const status = await app.inject({ method: 'GET', url: `/v1/interviews/${interviewId}/status`, headers: { authorization: `Bearer ${token}` } });
    if ((status.json() as { status: string }).status !== 'active') continue; // seeded on an earlier start
    const { reason, text = '', answered, minutes, daysAgo, stage } = interview.exit;
    const exitedAt = new Date(now.getTime() - daysAgo * 86_400_000 - (index % 7) * 3_600_000);
    const startedAt = new Date(exitedAt.getTime() - minutes * 60_000).toISOString();
    const record: ExitRecord = {
      idempotencyKey: stableUuid(interviewId),
      interviewId,
      candidateRef,
      jobType: interview.jobType,
      stage,
      progress: { interviewId, stage, answered, total: 10, questionSeconds: Array.from({ length: answered }, (_, q) => 60 + ((q * 37) % 90)), startedAt, updatedAt: exitedAt.toISOString() },
      exitedAt: exitedAt.toISOString(),
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
      reason: reason === null && !text ? null : { code: reason, text },
      dataChoice: 'keep',
      source: 'button',
      verification: 'not-required',
      hrReview: interview.jobType === 'frontline',
      personRequested: false,
    };
    const sent = await app.inject({ method: 'POST', url: '/v1/exits', headers: { authorization: `Bearer ${token}` }, payload: record });
    if (sent.statusCode >= 300) throw new Error(`seed exit ${interviewId}: ${sent.body}`);
    exits += 1;
  }
  return { interviews: past.length, exits };
}
