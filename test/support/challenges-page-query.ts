/**
 * The web app's home page query (web/src/features/challenges/challenges-page.tsx, `Challenges` with its
 * `ChallengeCardFields` fragment) as the browser sends it, and the variables of the page opened without filters.
 * Used by bench:reads and by the statement count of the list.
 */
export const CHALLENGES_PAGE = `query Challenges($filter: ChallengeFilter, $orderBy: ChallengeOrder, $first: Int) {
  challenges(filter: $filter, orderBy: $orderBy, first: $first) {
    totalCount
    pageInfo { hasNextPage }
    nodes { ...ChallengeCardFields }
  }
}
fragment ChallengeCardFields on Challenge {
  id slug title summary phase level proposalCount
  unit { id name }
  state { code name }
  municipality { code name }
  currentRound { id kind status opensAt closesAt }
}`;

export const HOME_PAGE_VARIABLES = { filter: {}, orderBy: 'NEWEST', first: 20 };
