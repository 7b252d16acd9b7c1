/**
 * Names for the API's shapes, all taken from the backend's OpenAPI schema
 * (generated into ./generated/schema.ts by `npm run api:generate`).
 */
import type { components } from './generated/schema';

type S = components['schemas'];

export type Paginated<T> = { count: number; next?: string | null; previous?: string | null; results: T[] };
export type CodeLabel = S['CodeLabel'];
export type RefItem = S['TermOutput'];
export type OrgKind = S['OrganizationKindEnum'];
export type OrganizationRef = S['OrganizationBrief'];
export type Organization = S['OrganizationOutput'];
export type OrganizationInput = S['OrganizationInputRequest'];
export type User = S['UserOutput'];
export type Session = S['SessionOutput'];
export type Need = S['NeedDetailOutput'];
export type NeedListItem = S['NeedOutput'];
export type NeedInput = S['NeedInputRequest'];
export type NeedStatus = S['NeedStatusEnum'];
export type Solution = S['SolutionOutput'];
export type SolutionDetail = S['SolutionDetailOutput'];
export type SolutionInput = S['SolutionInputRequest'];
export type Conference = S['ConferenceOutput'];
export type ConferenceInput = S['ConferenceInputRequest'];
export type ConferenceFormat = S['FormatEnum'];
export type Participant = S['Participant'];
export type Registration = S['RegistrationOutput'];
export type Slot = S['SlotOutput'];
export type ResponseItem = S['ResponseOutput'];
export type Match = S['MatchOutput'];
export type AdvisorMatch = S['MatchAdvisorOutput'];
export type MatchState = S['StateEnum'];
export type Signal = S['Signal'];
export type Note = S['NoteOutput'];
export type SearchResult = S['SearchOutput'];
export type SearchHit = S['SearchHitOutput'];
export type Relaxation = S['RelaxationEnum'];
export type SearchType = S['TypeEnum'];
export type FacetValue = S['FacetValueOutput'];
export type SavedSearch = S['SavedSearchOutput'];
export type SavedSearchInput = S['SavedSearchInputRequest'];
export type AlertFrequency = S['AlertFrequencyEnum'];
export type PipelineStats = S['PipelineOutput'];
export type MissedSearch = S['MissedSearchOutput'];
export type Membership = S['MembershipOutput'];
export type Member = S['MemberOutput'];
export type MemberRole = S['RoleEnum'];
export type Invitation = S['InvitationOutput'];
export type JoinRequest = S['JoinRequestOutput'];
export type Decision = NonNullable<JoinRequest['status']>;
export type CoBuyerRequest = S['CoBuyerRequestOutput'];
export type ConferenceInvitation = S['ConferenceInvitationOutput'];
export type InviteResult = S['ConferenceInviteResult'];
export type InviteOutcome = S['OutcomeEnum'];
