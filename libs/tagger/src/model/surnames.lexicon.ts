// Frequent family names in English-language news, written for this project from general knowledge
// (not taken from a data set). A feature of the sequence model, never a rule on its own: many of
// these are also ordinary words or places.

const words = (list: string): readonly string[] => list.split(/\s+/).filter((word) => word.length > 0);

export const SURNAMES: readonly string[] = words(`
  Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson
  White Harris Clark Lewis Robinson Walker Young Allen Wright Scott Green Baker Adams Nelson Hill Campbell
  Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy Cook Rogers
  Morgan Peterson Cooper Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray
  James Hughes Price Sanders Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Fisher Henderson
  Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Kim Wallace Cole West Stevens Gibson Ellis
  Murray Ford Marshall Owens McDonald Harrison Kennedy Wells Hunt Black Palmer Robertson Mason Dixon Hunter
  Hawkins Grant Porter Webb Spencer Stone Burns Lawrence Fox Warren Chapman Knight Hayes Ferguson Rose
  Garcia Martinez Rodriguez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz
  Cruz Reyes Morales Ortiz Gutierrez Chavez Ramos Ruiz Alvarez Mendoza Castillo Jimenez Vasquez Romero
  Herrera Medina Aguilar Vargas Castro Fernandez Silva Santos Oliveira Souza Pereira Costa Almeida Carvalho
  Nguyen Tran Le Pham Huang Wang Li Zhang Liu Chen Yang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin He Gao Luo
  Lee Park Choi Kang Cho Yoon Jang Lim Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura
  Kobayashi Kato Yoshida Yamada Sasaki Matsumoto Inoue Kimura Shimizu Abe Singh Kumar Sharma Patel Gupta
  Shah Khan Ali Ahmed Hussain Rahman Iqbal Malik Chaudhry Reddy Rao Nair Das Bose Banerjee Mukherjee Mehta
  Joshi Desai Kapoor Verma Mishra Agarwal Müller Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker
  Schulz Hoffmann Koch Richter Klein Wolf Neumann Schwarz Zimmermann Braun Hofmann Hartmann Lange Werner
  Krause Lehmann Köhler Dupont Bernard Dubois Durand Leroy Moreau Simon Laurent Lefebvre Michel Garnier
  Rousseau Blanc Fournier Girard Bonnet Mercier Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci
  Marino Greco Bruno Gallo Conti Costa Giordano Mancini Rizzo Lombardi Moretti Ivanov Smirnov Kuznetsov
  Popov Sokolov Lebedev Kozlov Novikov Morozov Petrov Volkov Solovyov Vasilyev Zaitsev Pavlov Semenov
  Kowalski Nowak Wisniewski Wojcik Kowalczyk Kaminski Lewandowski Zielinski Szymanski Kovacs Horvath Nagy
  Jansen Janssen Visser Bakker Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Andersen Hansen Nielsen
  Jensen Pedersen Larsen Olsen Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
  Korhonen Virtanen Papadopoulos Georgiou Yilmaz Kaya Demir Sahin Celik Cohen Levi Levy Mizrahi Friedman
  Katz Goldberg Rosenberg Shapiro Kaplan Hassan Ibrahim Mohamed Mahmoud Abdullah Haddad Khalil Nasser
  Mensah Okafor Okonkwo Adeyemi Ogunleye Mwangi Otieno Kamau Njoroge Dlamini Nkosi Ndlovu Mokoena
  O'Brien O'Connor O'Neill O'Sullivan McCarthy McLaughlin MacDonald McKenzie Fitzgerald Gallagher Doyle
  Byrne Ryan Walsh Kelly Lynch Quinn Brennan Keane Hughes Davies Jenkins Lloyd Price Griffiths Rees Powell
`);
