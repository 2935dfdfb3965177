/** Every recogniser, in the order a block is offered to them: the first that takes it writes it. */
import { actionRows } from './action-rows.js';
import { agendaItems } from './agenda-items.js';
import { attendance } from './attendance.js';
import { functions } from './functions.js';
import type { Recogniser } from './recogniser.js';
import { resolved } from './resolved.js';
import { schedule } from './schedule.js';
import { seats } from './seats.js';

export const RECOGNISERS: readonly Recogniser[] = [resolved, attendance, agendaItems, functions, seats, actionRows, schedule];
