import { curated, type GazetteerEntry } from './gazetteer-entry';

// Professional sports clubs, leagues and governing bodies that news names. Written for this project
// from general knowledge (no data set was read to make it). Every entry is an organisation, so a
// club that the model would read as its city ("Atlanta Falcons") or as MISC keeps its real type.
//
// What is left out on purpose, because a curated type is final and its name is canonical:
// - a club's home city or district on its own ("Liverpool", "Chelsea", "Napoli", "West Ham"):
//   it is a place far more often than a club;
// - nicknames that are common capitalised words or that several clubs share ("Heat", "Magic",
//   "Jazz", "Kings", "Rangers", "Giants", "Cardinals", "Panthers", "Jets", "Eagles", "Spurs",
//   "Patriots", "Bills", "Titans", "Vikings", "Senators", "Dolphins", "Broncos", "Cowboys");
// - "Colorado Rockies" (also the mountains) and other club names that read as something else;
// - competitions ("FIFA World Cup", "Super Bowl"): they are events (MISC), not organisations. Listed
//   as MISC entries they gave no gain when measured, so they are left to the model.
// A nickname alias is kept only where, capitalised in news, it names that one club.
//
// QIDs are given only where the Wikidata item is certain; the other entries fix the type and the
// canonical name only.
const org = (name: string, aliases: readonly string[] = [], qid?: string): GazetteerEntry =>
  curated('ORGANIZATION', name, aliases, qid);

/** Clubs listed by full name only ("Miami Heat"): the nickname alone is too ambiguous. */
const fullNames = (names: string): GazetteerEntry[] =>
  names
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
    .map((name) => org(name));

const NFL: readonly GazetteerEntry[] = [
  org('Atlanta Falcons', ['Falcons']),
  org('Baltimore Ravens', ['Ravens']),
  org('Cincinnati Bengals', ['Bengals']),
  org('Pittsburgh Steelers', ['Steelers']),
  org('Indianapolis Colts', ['Colts']),
  org('Jacksonville Jaguars', ['Jaguars']),
  org('Los Angeles Chargers', ['Chargers', 'San Diego Chargers']),
  org('Green Bay Packers', ['Packers']),
  org('Seattle Seahawks', ['Seahawks']),
  org('Tampa Bay Buccaneers', ['Buccaneers']),
  org('San Francisco 49ers', ['49ers', 'Niners']),
  org('Las Vegas Raiders', ['Oakland Raiders', 'Los Angeles Raiders']),
  org('Los Angeles Rams', ['St. Louis Rams']),
  org('Washington Commanders', ['Washington Redskins', 'Washington Football Team']),
  org('Tennessee Titans', ['Houston Oilers', 'Tennessee Oilers']),
  org('New England Patriots', ['Boston Patriots']),
  ...fullNames(`
    Arizona Cardinals, Buffalo Bills, Carolina Panthers, Chicago Bears, Cleveland Browns, Dallas Cowboys,
    Denver Broncos, Detroit Lions, Houston Texans, Kansas City Chiefs, Miami Dolphins, Minnesota Vikings,
    New Orleans Saints, New York Giants, New York Jets, Philadelphia Eagles, Baltimore Colts
  `),
];

const NBA: readonly GazetteerEntry[] = [
  org('Boston Celtics', ['Celtics']),
  org('Cleveland Cavaliers', ['Cavs']),
  org('Dallas Mavericks', ['Mavs']),
  org('Denver Nuggets', ['Nuggets']),
  org('Detroit Pistons', ['Pistons']),
  org('Indiana Pacers', ['Pacers']),
  org('Los Angeles Clippers', ['Clippers', 'LA Clippers', 'San Diego Clippers']),
  org('Los Angeles Lakers', ['Lakers', 'LA Lakers', 'Minneapolis Lakers']),
  org('Memphis Grizzlies', ['Grizzlies', 'Vancouver Grizzlies']),
  org('Minnesota Timberwolves', ['Timberwolves']),
  org('New Orleans Pelicans', ['Pelicans']),
  org('New York Knicks', ['Knicks']),
  org('Philadelphia 76ers', ['76ers', 'Sixers']),
  org('Portland Trail Blazers', ['Trail Blazers']),
  org('Toronto Raptors', ['Raptors']),
  org('Oklahoma City Thunder', ['Seattle SuperSonics', 'SuperSonics', 'Sonics']),
  org('Brooklyn Nets', ['New Jersey Nets']),
  org('Charlotte Hornets', ['Charlotte Bobcats']),
  org('Washington Wizards', ['Washington Bullets']),
  ...fullNames(`
    Atlanta Hawks, Chicago Bulls, Golden State Warriors, Houston Rockets, Miami Heat, Milwaukee Bucks,
    Orlando Magic, Phoenix Suns, Sacramento Kings, San Antonio Spurs, Utah Jazz, New Orleans Hornets
  `),
];

const MLB: readonly GazetteerEntry[] = [
  org('Arizona Diamondbacks', ['Diamondbacks']),
  org('Atlanta Braves', ['Braves', 'Milwaukee Braves', 'Boston Braves']),
  org('Baltimore Orioles', ['Orioles']),
  org('Boston Red Sox', ['Red Sox']),
  org('Chicago White Sox', ['White Sox']),
  org('Houston Astros', ['Astros']),
  org('Los Angeles Dodgers', ['Dodgers', 'Brooklyn Dodgers']),
  org('Miami Marlins', ['Marlins', 'Florida Marlins']),
  org('New York Mets', ['Mets']),
  org('New York Yankees', ['Yankees']),
  org('Philadelphia Phillies', ['Phillies']),
  org('San Diego Padres', ['Padres']),
  org('Toronto Blue Jays', ['Blue Jays']),
  org('Washington Nationals', ['Montreal Expos', 'Expos']),
  org('Cleveland Guardians', ['Cleveland Indians']),
  org('Los Angeles Angels', ['Anaheim Angels', 'California Angels', 'Los Angeles Angels of Anaheim']),
  org('Tampa Bay Rays', ['Tampa Bay Devil Rays']),
  org('Oakland Athletics', ['Philadelphia Athletics', 'Kansas City Athletics']),
  ...fullNames(`
    Chicago Cubs, Cincinnati Reds, Detroit Tigers, Kansas City Royals, Milwaukee Brewers,
    Minnesota Twins, Pittsburgh Pirates, San Francisco Giants, Seattle Mariners, St. Louis Cardinals,
    Texas Rangers
  `),
];

const NHL: readonly GazetteerEntry[] = [
  org('Buffalo Sabres', ['Sabres']),
  org('Chicago Blackhawks', ['Blackhawks']),
  org('Columbus Blue Jackets', ['Blue Jackets']),
  org('Detroit Red Wings', ['Red Wings']),
  org('Montreal Canadiens', ['Canadiens', 'Habs']),
  org('Toronto Maple Leafs', ['Maple Leafs']),
  org('Vancouver Canucks', ['Canucks']),
  org('Colorado Avalanche', ['Quebec Nordiques', 'Nordiques']),
  org('Carolina Hurricanes', ['Hartford Whalers']),
  org('Winnipeg Jets', ['Atlanta Thrashers']),
  org('Dallas Stars', ['Minnesota North Stars']),
  org('Anaheim Ducks', ['Mighty Ducks of Anaheim']),
  org('Arizona Coyotes', ['Phoenix Coyotes']),
  ...fullNames(`
    Boston Bruins, Calgary Flames, Edmonton Oilers, Florida Panthers, Los Angeles Kings, Minnesota Wild,
    Nashville Predators, New Jersey Devils, New York Islanders, New York Rangers, Ottawa Senators,
    Philadelphia Flyers, Pittsburgh Penguins, San Jose Sharks, Seattle Kraken, St. Louis Blues,
    Tampa Bay Lightning, Vegas Golden Knights, Washington Capitals, Utah Hockey Club, Utah Mammoth
  `),
];

const MLS_AND_WNBA: readonly GazetteerEntry[] = [
  org('Inter Miami CF', ['Inter Miami']),
  org('LA Galaxy', ['Los Angeles Galaxy']),
  org('Los Angeles FC', ['LAFC']),
  org('Atlanta United FC', ['Atlanta United']),
  org('Seattle Sounders FC', ['Seattle Sounders', 'Sounders']),
  org('Portland Timbers', ['Timbers']),
  org('New York City FC', ['NYCFC']),
  org('CF Montréal', ['CF Montreal', 'Montreal Impact']),
  org('Vancouver Whitecaps FC', ['Vancouver Whitecaps', 'Whitecaps']),
  org('D.C. United', ['DC United']),
  org('Orlando City SC', ['Orlando City']),
  org('Houston Dynamo FC', ['Houston Dynamo']),
  org('Minnesota United FC', ['Minnesota United']),
  ...fullNames(`
    New York Red Bulls, Toronto FC, Columbus Crew, Chicago Fire FC, New England Revolution, Philadelphia Union,
    FC Dallas, Sporting Kansas City, Real Salt Lake, Colorado Rapids, San Jose Earthquakes, Nashville SC,
    Austin FC, FC Cincinnati, Charlotte FC, St. Louis City SC, San Diego FC,
    Atlanta Dream, Chicago Sky, Connecticut Sun, Indiana Fever, New York Liberty, Washington Mystics,
    Dallas Wings, Las Vegas Aces, Los Angeles Sparks, Minnesota Lynx, Phoenix Mercury, Seattle Storm,
    Golden State Valkyries
  `),
];

const ENGLISH_AND_SCOTTISH_FOOTBALL: readonly GazetteerEntry[] = [
  org('Arsenal F.C.', ['Arsenal FC', 'Arsenal'], 'Q9617'),
  org('Aston Villa', ['Aston Villa F.C.', 'Aston Villa FC'], 'Q18711'),
  org('Chelsea F.C.', ['Chelsea FC'], 'Q9616'),
  org('Everton F.C.', ['Everton FC'], 'Q5794'),
  org('Liverpool F.C.', ['Liverpool FC'], 'Q1130849'),
  org(
    'Manchester United',
    ['Manchester United F.C.', 'Manchester United FC', 'Man United', 'Man Utd'],
    'Q18656',
  ),
  org('Manchester City', ['Manchester City F.C.', 'Manchester City FC', 'Man City'], 'Q50602'),
  org('Newcastle United', ['Newcastle United F.C.', 'Newcastle United FC'], 'Q18716'),
  org('Tottenham Hotspur', ['Tottenham Hotspur F.C.', 'Tottenham Hotspur FC'], 'Q18741'),
  org('West Ham United', ['West Ham United F.C.', 'West Ham United FC'], 'Q18747'),
  org('Leicester City', ['Leicester City F.C.', 'Leicester City FC'], 'Q19481'),
  org('Wolverhampton Wanderers', ['Wolverhampton Wanderers F.C.', 'Wolverhampton Wanderers FC'], 'Q19500'),
  org('Leeds United', ['Leeds United F.C.', 'Leeds United A.F.C.', 'Leeds United FC'], 'Q1128631'),
  org('West Bromwich Albion', ['West Bromwich Albion F.C.', 'West Brom'], 'Q18744'),
  org('Nottingham Forest', ['Nottingham Forest F.C.', 'Nottingham Forest FC'], 'Q19490'),
  org('Brighton & Hove Albion', ['Brighton and Hove Albion', 'Brighton & Hove Albion F.C.'], 'Q19453'),
  org('Crystal Palace F.C.', ['Crystal Palace FC'], 'Q19467'),
  org('Fulham F.C.', ['Fulham FC'], 'Q18708'),
  org('Southampton F.C.', ['Southampton FC'], 'Q18732'),
  org('Sheffield United', ['Sheffield United F.C.'], 'Q19607'),
  org('Blackburn Rovers', ['Blackburn Rovers F.C.'], 'Q19446'),
  org('Sunderland A.F.C.', ['Sunderland AFC'], 'Q18739'),
  org('AFC Bournemouth', ['A.F.C. Bournemouth'], 'Q19568'),
  org('Queens Park Rangers', ['Queens Park Rangers F.C.', 'QPR']),
  org('Celtic F.C.', ['Celtic FC', 'Glasgow Celtic'], 'Q19593'),
  org('Rangers F.C.', ['Rangers FC', 'Glasgow Rangers']),
  org('Premier League', ['English Premier League'], 'Q9448'),
  org('The Football Association', ['Football Association']),
  org('English Football League'),
  ...fullNames(`
    Brentford F.C., Burnley F.C., Watford F.C., Norwich City, Sheffield Wednesday, Bolton Wanderers, Stoke City,
    Swansea City, Middlesbrough F.C., Ipswich Town, Derby County, Portsmouth F.C., Charlton Athletic,
    Wigan Athletic, Hull City, Luton Town, Cardiff City, Huddersfield Town, Birmingham City, Coventry City,
    Millwall F.C., Aberdeen F.C., Hibernian F.C., Heart of Midlothian F.C., Scottish Premiership,
    Scottish Football Association
  `),
];

const CONTINENTAL_FOOTBALL: readonly GazetteerEntry[] = [
  // Spain
  org('Real Madrid', ['Real Madrid CF', 'Real Madrid C.F.'], 'Q8682'),
  org('FC Barcelona', ['F.C. Barcelona', 'Barça'], 'Q7156'),
  org('Atlético Madrid', ['Atletico Madrid', 'Atlético de Madrid', 'Atletico de Madrid'], 'Q8701'),
  org('Athletic Bilbao', ['Athletic Club Bilbao'], 'Q8687'),
  org('Sevilla FC', ['Sevilla F.C.'], 'Q10329'),
  org('Valencia CF', ['Valencia C.F.'], 'Q10333'),
  org('Villarreal CF', ['Villarreal C.F.'], 'Q12297'),
  org('Real Sociedad', [], 'Q10315'),
  org('Real Betis', ['Betis'], 'Q8723'),
  org('Celta Vigo', ['Celta de Vigo', 'RC Celta de Vigo'], 'Q8749'),
  org('RCD Espanyol', ['Espanyol'], 'Q8780'),
  org('Deportivo de La Coruña', ['Deportivo La Coruña'], 'Q8760'),
  org('CA Osasuna', ['Osasuna']),
  org('La Liga', [], 'Q324867'),
  ...fullNames(`
    Getafe CF, Rayo Vallecano, RCD Mallorca, Girona FC, UD Las Palmas, Real Valladolid,
    Real Zaragoza, Málaga CF, Royal Spanish Football Federation
  `),
  // Germany
  org(
    'Bayern Munich',
    ['FC Bayern Munich', 'Bayern München', 'FC Bayern München', 'FC Bayern', 'Bayern'],
    'Q15789',
  ),
  org('Borussia Dortmund', ['BVB'], 'Q41420'),
  org('Bayer Leverkusen', ['Bayer 04 Leverkusen'], 'Q104761'),
  org('RB Leipzig', [], 'Q702455'),
  org('Schalke 04', ['FC Schalke 04', 'Schalke'], 'Q32494'),
  org('Borussia Mönchengladbach', ['Borussia Monchengladbach'], 'Q101959'),
  org('Hamburger SV', [], 'Q51974'),
  org('Werder Bremen', ['SV Werder Bremen'], 'Q51976'),
  org('Eintracht Frankfurt', [], 'Q38245'),
  org('VfB Stuttgart', [], 'Q4512'),
  org('VfL Wolfsburg', [], 'Q101859'),
  org('1. FC Köln', ['FC Köln', 'FC Cologne'], 'Q104770'),
  org('Hertha BSC', ['Hertha Berlin'], 'Q102720'),
  org('TSG Hoffenheim', ['TSG 1899 Hoffenheim'], 'Q22707'),
  org('Union Berlin', ['1. FC Union Berlin'], 'Q141971'),
  org('FC St. Pauli', [], 'Q6463'),
  org('1. FSV Mainz 05', ['FSV Mainz 05', 'Mainz 05']),
  org('Deutscher Fußball-Bund', ['German Football Association', 'DFB']),
  ...fullNames(`
    SC Freiburg, FC Augsburg, 1. FC Kaiserslautern, 1. FC Nürnberg, VfL Bochum,
    Hannover 96, Bundesliga, 2. Bundesliga
  `),
  // Italy
  org('Juventus', ['Juventus F.C.', 'Juventus FC', 'Juve'], 'Q1422'),
  org('AC Milan', ['A.C. Milan'], 'Q1543'),
  org('Inter Milan', ['Internazionale', 'FC Internazionale Milano', 'Inter Milano'], 'Q631'),
  org('SSC Napoli', ['S.S.C. Napoli'], 'Q2641'),
  org('AS Roma', ['A.S. Roma'], 'Q2739'),
  org('SS Lazio', ['S.S. Lazio'], 'Q2609'),
  org('ACF Fiorentina', ['Fiorentina']),
  org('UC Sampdoria', ['Sampdoria']),
  org('Udinese Calcio', ['Udinese']),
  org('Serie A', [], 'Q15804'),
  ...fullNames(`
    Atalanta BC, Torino FC, Genoa CFC, Bologna FC, Parma Calcio, Hellas Verona, Cagliari Calcio,
    Italian Football Federation
  `),
  // France
  org('Paris Saint-Germain', ['Paris Saint-Germain F.C.', 'Paris St-Germain', 'Paris SG', 'PSG'], 'Q483020'),
  org('Olympique de Marseille', ['Olympique Marseille'], 'Q132885'),
  org('Olympique Lyonnais', ['Olympique Lyon'], 'Q704'),
  org('AS Monaco', ['AS Monaco FC'], 'Q180305'),
  org('Lille OSC', ['LOSC Lille', 'LOSC']),
  org('AS Saint-Étienne', ['AS Saint-Etienne']),
  org('FC Girondins de Bordeaux', ['Girondins de Bordeaux']),
  ...fullNames(`Stade Rennais, OGC Nice, RC Lens, FC Nantes, Ligue 1, French Football Federation`),
  // Netherlands, Portugal, Turkey and the rest of Europe
  org('AFC Ajax', ['Ajax Amsterdam'], 'Q81888'),
  org('PSV Eindhoven', ['PSV'], 'Q11938'),
  org('Feyenoord', ['Feyenoord Rotterdam']),
  org('SL Benfica', ['S.L. Benfica', 'Benfica'], 'Q131499'),
  org('FC Porto', ['F.C. Porto'], 'Q128446'),
  org('Sporting CP', ['Sporting Lisbon', 'Sporting Clube de Portugal'], 'Q75729'),
  org('SC Braga', ['Sporting Braga']),
  org('Galatasaray', ['Galatasaray S.K.'], 'Q495299'),
  org('Fenerbahçe', ['Fenerbahce', 'Fenerbahçe S.K.'], 'Q6601875'),
  org('Beşiktaş J.K.', ['Besiktas JK'], 'Q172567'),
  org('Olympiacos', ['Olympiakos']),
  org('RSC Anderlecht'),
  org('Red Bull Salzburg', ['RB Salzburg', 'FC Red Bull Salzburg']),
  org('Dynamo Kyiv', ['Dynamo Kiev']),
  org('Zenit Saint Petersburg', ['Zenit St. Petersburg', 'FC Zenit']),
  org('Red Star Belgrade', ['Crvena Zvezda']),
  ...fullNames(`
    AZ Alkmaar, FC Twente, Eredivisie, Primeira Liga, Trabzonspor, Süper Lig, Panathinaikos, Club Brugge,
    FC Basel, Shakhtar Donetsk, Spartak Moscow, CSKA Moscow, Dinamo Zagreb
  `),
];

const WORLD_FOOTBALL_AND_CRICKET: readonly GazetteerEntry[] = [
  org('Boca Juniors', ['Club Atlético Boca Juniors']),
  org('Club Atlético River Plate', ['CA River Plate']),
  org('CR Flamengo', ['Clube de Regatas do Flamengo']),
  org('Sport Club Corinthians Paulista', ['SC Corinthians']),
  org('Palmeiras', ['SE Palmeiras', 'Sociedade Esportiva Palmeiras']),
  org('Al-Hilal', ['Al Hilal']),
  org('Al-Nassr', ['Al Nassr']),
  org('Al Ahly', ['Al-Ahly']),
  org('Royal Challengers Bengaluru', ['Royal Challengers Bangalore']),
  org('Punjab Kings', ['Kings XI Punjab']),
  ...fullNames(`
    Fluminense, Santos FC, São Paulo FC, Grêmio, Peñarol, Club América, Cruz Azul, Saudi Pro League,
    Mumbai Indians, Chennai Super Kings, Kolkata Knight Riders, Delhi Capitals, Rajasthan Royals,
    Sunrisers Hyderabad, Gujarat Titans, Lucknow Super Giants, A-League, National Rugby League,
    Big Bash League
  `),
];

const GOVERNING_BODIES: readonly GazetteerEntry[] = [
  org('FIFA', [], 'Q253414'),
  org('UEFA', [], 'Q35572'),
  org('International Olympic Committee', ['IOC'], 'Q40970'),
  org('National Football League', ['NFL'], 'Q1215884'),
  org('National Basketball Association', ['NBA'], 'Q155223'),
  org('Major League Baseball', ['MLB'], 'Q1163715'),
  org('National Hockey League', ['NHL'], 'Q1215892'),
  // "MLS" alone is also the property listing service of housing news.
  org('Major League Soccer'),
  org("Women's National Basketball Association", ['WNBA']),
  org('National Collegiate Athletic Association', ['NCAA']),
  org('International Association of Athletics Federations', ['IAAF']),
  org('World Anti-Doping Agency', ['WADA']),
  org('Board of Control for Cricket in India', ['BCCI']),
  org("Women's Tennis Association", ['WTA']),
  org('Ultimate Fighting Championship', ['UFC']),
  org('United States Soccer Federation', ['U.S. Soccer', 'US Soccer']),
  org('International Basketball Federation', ['FIBA']),
  org('LPGA', ['LPGA Tour']),
  ...fullNames(`
    CONCACAF, CONMEBOL, Asian Football Confederation, Confederation of African Football, World Athletics,
    International Paralympic Committee, Court of Arbitration for Sport, International Cricket Council,
    World Rugby, Rugby Football Union, Association of Tennis Professionals, PGA Tour, NASCAR, WWE,
    United States Olympic & Paralympic Committee, NFL Players Association, Big Ten Conference,
    Southeastern Conference, Atlantic Coast Conference, Big 12 Conference, Pac-12 Conference,
    Fédération Internationale de l'Automobile
  `),
];

export const SPORTS: readonly GazetteerEntry[] = [
  ...NFL,
  ...NBA,
  ...MLB,
  ...NHL,
  ...MLS_AND_WNBA,
  ...ENGLISH_AND_SCOTTISH_FOOTBALL,
  ...CONTINENTAL_FOOTBALL,
  ...WORLD_FOOTBALL_AND_CRICKET,
  ...GOVERNING_BODIES,
];
