/**
 * Shapes of the REST API used by the UI. Where the backend's OpenAPI schema
 * (src/api/generated/schema.ts) describes a resource, the type is taken from it,
 * so a breaking backend change fails `npm run typecheck`.
 */
export type Paginated<T> = { count: number; next: string | null; previous: string | null; results: T[] };

export type OrgKind = 'public_buyer' | 'supplier' | 'advisory';

export type OrganizationRef = { id: number; name: string; kind?: OrgKind; verified?: boolean };

export type Organization = {
  id: number;
  name: string;
  org_number: string;
  kind: OrgKind;
  municipality?: string;
  county?: string;
  website?: string;
  description?: string;
  verified: boolean;
};

export type Membership = { organization: OrganizationRef; role?: string };

export type User = {
  id: number;
  email: string;
  full_name?: string;
  is_staff?: boolean;
  is_advisor?: boolean;
  role?: string;
  memberships?: Membership[];
  organizations?: OrganizationRef[];
};

export type Session = { user: User | null; csrf_token: string };

export type RefItem = { code: string; label: string };

export type NeedStatus = 'draft' | 'published' | 'closed';

export type Need = {
  id: number;
  title: string;
  description: string;
  desired_effect: string;
  sector: string;
  sector_label?: string;
  cpv_codes: string[];
  county: string;
  county_label?: string;
  municipality?: string;
  budget_min: number | string | null;
  budget_max: number | string | null;
  stage: string;
  stage_label?: string;
  procedure: string;
  procedure_label?: string;
  response_deadline: string | null;
  status: NeedStatus;
  organization: number | OrganizationRef;
  organization_name?: string;
  co_buyers?: OrganizationRef[];
  co_buyer_ids?: number[];
  conferences?: ConferenceSummary[];
  published_at?: string | null;
  created_at?: string;
  can_edit?: boolean;
};

export type NeedInput = {
  title: string;
  description: string;
  desired_effect: string;
  sector: string;
  cpv_codes: string[];
  county: string;
  municipality: string;
  budget_min: number | null;
  budget_max: number | null;
  stage: string;
  procedure: string;
  response_deadline: string | null;
  co_buyer_ids: number[];
  organization: number;
};

export type Signal = { name: string; value: number; weight: number; contribution: number };

export type MatchExplanation = {
  score: number;
  signals: Signal[];
  shared_terms: string[];
  best_pair: [string, string] | string[] | null;
};

export type SolutionSummary = { id: number; title: string; organization_name?: string; organization?: number | OrganizationRef; trl?: number };

export type SuggestedSolution = {
  id?: number;
  solution: SolutionSummary;
  score: number;
  state?: string;
  explanation?: MatchExplanation;
} & Partial<MatchExplanation>;

export type SimilarNeed = {
  need?: { id: number; title: string; organization_name?: string };
  id?: number;
  title?: string;
  organization_name?: string;
  score: number;
  shared_terms?: string[];
};

export type Solution = {
  id: number;
  title: string;
  description: string;
  sector: string;
  sector_label?: string;
  cpv_codes: string[];
  trl: number;
  regions: string[];
  language: 'nb' | 'nn' | 'en';
  website: string;
  status: 'draft' | 'published';
  organization: number | OrganizationRef;
  organization_name?: string;
};

export type SolutionInput = Omit<Solution, 'id' | 'sector_label' | 'organization_name' | 'organization' | 'status'> & {
  organization: number;
};

export type RecommendedNeed = {
  id?: number;
  need: { id: number; title: string; organization_name?: string; response_deadline?: string | null };
  score: number;
  explanation?: MatchExplanation;
} & Partial<MatchExplanation>;

export type ConferenceFormat = 'physical' | 'streamed' | 'digital';

export type ConferenceSummary = { id: number; title: string; starts_at: string; format?: ConferenceFormat };

export type Conference = {
  id: number;
  need_ids: number[];
  needs?: { id: number; title: string }[];
  title: string;
  description: string;
  agenda: string;
  starts_at: string;
  ends_at: string;
  format: ConferenceFormat;
  location: string;
  stream_url: string;
  registration_deadline: string;
  capacity: number | null;
  max_slots_per_supplier: number;
  status?: 'draft' | 'published';
  registrations_count?: number;
  is_registered?: boolean;
  organization_name?: string;
  can_manage?: boolean;
};

export type ConferenceInput = Omit<Conference, 'id' | 'needs' | 'status' | 'registrations_count' | 'is_registered' | 'organization_name' | 'can_manage'>;

export type Participant = { name: string; email: string; role: string };

export type Registration = {
  id: number;
  organization: number | OrganizationRef;
  organization_name?: string;
  participants: Participant[];
  created_at?: string;
};

export type Slot = {
  id: number;
  starts_at: string;
  ends_at: string;
  booked_by?: number | OrganizationRef | null;
  booked_by_name?: string | null;
  is_booked?: boolean;
  is_mine?: boolean;
};

export type ResponseItem = {
  id: number;
  need: number;
  need_title?: string;
  summary: string;
  body: string;
  confidential: boolean;
  organization?: number | OrganizationRef;
  organization_name?: string;
  created_at?: string;
};

export type MatchState = 'suggested' | 'shortlisted' | 'introduced' | 'rejected';

export type MatchNote = { id?: number; text: string; author_name?: string; created_at?: string };

export type Match = {
  id: number;
  need: number | { id: number; title: string };
  need_title?: string;
  solution: number | SolutionSummary;
  solution_title?: string;
  score: number;
  state: MatchState | string;
  reject_reason?: string;
  explanation?: MatchExplanation;
  notes?: MatchNote[];
};

export type SearchType = 'need' | 'solution' | 'conference';

export type SearchHit = {
  type: SearchType;
  id: number;
  title: string;
  score: number;
  highlights: string[];
  organization_name?: string;
  sector?: string;
  county?: string;
  stage?: string;
  response_deadline?: string | null;
  starts_at?: string | null;
  trl?: number | null;
};

export type FacetValue = { value: string; label: string; count: number };

export type SearchResult = {
  total: number;
  page: number;
  page_size: number;
  results: SearchHit[];
  facets: Record<string, FacetValue[]>;
  suggestion?: string | null;
};

export type SavedSearch = {
  id: number;
  name: string;
  query: string;
  filters: Record<string, string>;
  alert_frequency: 'never' | 'daily' | 'weekly';
};

export type CountRow = { count: number; label: string } & Record<string, string | number>;

export type PipelineStats = {
  needs_by_stage: CountRow[];
  needs_by_sector: CountRow[];
  needs_by_county: CountRow[];
  conferences_upcoming: number | ConferenceSummary[];
  responses_count: number;
  introductions_count: number;
};
