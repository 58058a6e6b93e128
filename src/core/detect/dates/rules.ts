// The date grammar's rules, by id: every form the scanner knows (a "part": one date written one way) and
// every way parts combine (a "join": ranges, lists, modifiers, weekdays), with the weight a suggestion made by
// it carries. A suggestion names its rules (`rules`, and "rule …" in its reasons); learners read the ids as
// features, so an id keeps its meaning: a new form gets a new id.
//
// Weights are confidences in [0, 1]: a suggestion's score is the weight of its part, lowered by the weakest
// join it went through.

export interface DateRule {
  /** 'part': one date form; 'join': how parts combine; 'relative': needs the publication date for a value. */
  kind: 'part' | 'join' | 'relative';
  weight: number;
  /** What it reads, with an example (for the README and the hover). */
  about: string;
}

export const DATE_RULES = {
  // --- parts written with digits
  'ymd': { kind: 'part', weight: 0.95, about: 'year, month and day in digits: 2019-11-18, 2019-11-18T10:00' },
  'dmy': { kind: 'part', weight: 0.95, about: 'day, month and year in digits: 23/03/2021, 8-3-2020, 23.03.2021' },
  'dm-slash': { kind: 'part', weight: 0.9, about: 'day/month: 22/3, 22/3 năm 2020 (not a small fraction unless a date word comes before: 1/3 dân số)' },
  'dm-dash': { kind: 'part', weight: 0.9, about: 'day-month after a date word or a weekday: ngày 15-3, sáng nay 12-3, thứ Hai 23-3, 20-3 năm nay' },
  'dm-dash-page': { kind: 'part', weight: 0.8, about: 'day-month alone on a page that writes its dates so elsewhere: dương tính lại 17-4' },
  'dm-timeline': { kind: 'part', weight: 0.85, about: 'day-month heading a line before a colon: 25-3: Bắt đầu thở oxy' },
  'day-range-glued': { kind: 'part', weight: 0.9, about: 'two days and their month in one word: 16-17/4, 8-25/11/2025' },
  'year-range': { kind: 'part', weight: 0.9, about: 'two close years: 2019-2020' },
  'day': { kind: 'part', weight: 0.75, about: 'a day of the month alone after a day word: các ngày 22, 23 (its month from the date before)' },
  // --- parts written with words
  'day-month-word': { kind: 'part', weight: 0.9, about: 'day, month word and month: 4 tháng 12 năm 2018, 20 tháng 3' },
  'day-month-name': { kind: 'part', weight: 0.9, about: 'day and month name: 18 November 2019, 18 de novembro de 2019' },
  'month-word': { kind: 'part', weight: 0.85, about: 'month word and month: tháng 10, tháng 12/2025, tháng Giêng' },
  'month-name': { kind: 'part', weight: 0.9, about: 'month name with a day or year: Nov. 18, 2019, November 2019, in November' },
  'year-word': { kind: 'part', weight: 0.9, about: 'year word and year: năm 2020, năm 2019-2020' },
  'year-preposition': { kind: 'part', weight: 0.85, about: 'a year after a preposition: in 2019, from 1939 to 1945, Class of 2020,' },
  'quarter': { kind: 'part', weight: 0.9, about: 'a quarter: quý III/2025, Q3 2025, third quarter of 2025' },
  'century': { kind: 'part', weight: 0.9, about: 'a century: thế kỷ XXI, 14th century, XIVe siècle' },
  'lunar': { kind: 'part', weight: 0.85, about: 'a day of the lunar new year or a date marked lunar: mùng 3 Tết, 29 Tết, 15/8 âm lịch' },
  // --- joins
  'range': { kind: 'join', weight: 0.9, about: 'two dates joined by a range word: 19 đến 22/3, 1/1 đến 30/4/2025, từ 20-22 tháng 3' },
  'alternatives': { kind: 'join', weight: 0.9, about: 'dates joined by "or": 19 hoặc 22/3 (one span, both values)' },
  'list': { kind: 'join', weight: 0.85, about: 'days listed before their month: các ngày 19, 21 và 23-8 (one date per day)' },
  'modifier': { kind: 'join', weight: 0.85, about: 'a part-of-period word before a month, year or century: cuối tháng 10, early 2019' },
  'cumulative': { kind: 'join', weight: 0.85, about: 'a count of months from the start or end of a year: 9 tháng đầu năm 2025' },
  'weekday': { kind: 'join', weight: 0.95, about: 'a weekday joined to a day: Friday, Dec. 6, thứ Sáu 5/3' },
  'year-of-following': { kind: 'join', weight: 0.9, about: 'a date without a year takes the year of the date joined to it: 20/12 đến 5/1/2026' },
  // --- relative expressions (only with the relative-dates option)
  'relative': { kind: 'relative', weight: 0.5, about: 'a relative expression: hôm qua, last week' },
  'weekday-alone': { kind: 'relative', weight: 0.5, about: 'a weekday named alone: on Tuesday, thứ Hai' },
} as const satisfies Record<string, DateRule>;

export type DateRuleId = keyof typeof DATE_RULES;

export function ruleWeight(id: DateRuleId): number {
  return DATE_RULES[id].weight;
}
