/** Lesson challenges: judge a goal on the simulator's trace; run and judge a pupil's project. */
export { evaluateGoal } from './evaluate-goal';
export { matchShape, type ShapeMatch } from './shape-match';
export { type ConditionResult, type GoalVerdict } from './verdict';
export { checkChallenge, starsFor, DEFAULT_TIME_LIMIT_SECONDS, type ChallengeResult, type CheckOptions, type Stars } from './check-challenge';
export { allowedBlockTypes, surveyBlocks, MAX_CHECKED_BLOCKS, type BlockSurvey, type WorkspaceBlock } from './lesson-blocks';
