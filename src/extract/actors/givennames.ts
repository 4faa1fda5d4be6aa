/**
 * Common given names across the languages the news names people in (English, the Balkans, Slavic, Romance,
 * Germanic, Nordic, Arabic, Turkish, Persian, South and East Asian). A capitalised run that opens with one of them
 * is a person ("Danny Newman", "Isabel Ruiz") unless a stronger cue says otherwise ("Jordan River"). Facts, kept
 * as data; folded lower case as `Token.lower`.
 */
const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

export const GIVEN_NAMES = words(`
  aaron abby abigail adam adrian agnes aidan alan albert alex alexa alexander alexandra alexis alfred alice alicia
  alison allan allison amanda amber amelia amy andrea andrew andy angela angelina anita ann anna anne annie anthony
  antonio april arthur ashley audrey barbara barry ben benjamin bernard beth betty beverly bill billy bob
  bobby bonnie brad bradley brandon brenda brent brett brian bridget britney brittany bruce bryan caitlin calvin
  cameron carl carla carlos carol caroline carolyn carrie catherine cathy charles charlie charlotte cheryl
  chris christian christina christine christopher cindy claire clara claude colin connie craig crystal curtis
  cynthia daisy dale dan dana daniel danielle danny darren dave david dawn dean deborah debra dennis derek diana
  diane donald donna doris dorothy doug douglas duncan dylan earl ed eddie edgar edith edward eileen elaine eleanor
  elizabeth ellen emily emma eric erica erik erin ethan eugene eva evan evelyn frank fred frederick gail gary gavin
  gene geoffrey george gerald gina glen glenn gloria gordon grace graham greg gregory hannah harold harry heather
  helen henry howard hugh ian irene isaac isabel isabella jack jacob jacqueline jake james jamie jane janet janice
  jason jean jeff jeffrey jennifer jenny jeremy jerry jesse jessica jill jim jimmy joan joanne joe joel john johnny
  jon jonathan joseph josh joshua joy joyce judith judy julia julian julie justin karen kate katherine
  kathleen kathryn kathy katie keith kelly ken kenneth kevin kim kimberly kristen kyle larry laura lauren lawrence
  leah lee leonard leslie liam linda lisa lois lori louis louise lucy luke lynn malcolm marco margaret
  maria marie marilyn mark marsha martha martin marvin mary matt matthew maureen megan melanie melissa michael
  michele michelle mike mildred molly monica nancy natalie nathan neil nicholas nick nicole noah norman oliver
  olivia owen pamela patricia patrick paul paula peggy penny peter phil philip phyllis rachel ralph randy ray
  raymond rebecca richard rick rita rob robert robin roger ron ronald rose ruby russell ruth ryan sally samantha
  samuel sandra sara sarah scott sean sharon shirley simon sophia sophie stacy stanley stephanie stephen steve
  steven stuart susan suzanne tammy teresa terry theresa thomas tim timothy tina todd tom tommy tony tracy travis
  troy tyler valerie vanessa victor vincent walter warren wayne wendy william willie zachary
  aleksandar aleksandra ana andrej ante bakir biljana bojan bojana boris borislav branimir branislav branko darko
  dejan denis dino dragan dragana dragoljub dubravka dusan dusko edi emir enver esad goran hashim ivan ivana ivica
  jadranka jelena jovan kolinda ljubisa ljubomir marija marko milan milena milica milo milorad milos miroslav
  mladen momir nebojsa nenad nikola ognjen petar predrag radovan ramush ratko sanja sasa sefik senad sifet
  slobodan snezana srdjan stevo svetlana tomislav vesna vjosa vladimir vlado vojislav vuk zdravko zeljko zlatko
  zoran albin avdullah behgjet enver fatmir glauk hashim isa kadri lulzim skender valon visar arben edi ilir
  ardian gentiana majlinda
  aleksei alexei alexey anatoly andrei andrey anton arkady dmitri dmitry evgeny fyodor gennady grigory igor ilya
  konstantin leonid maxim mikhail natalia natalya nikita nikolai oleg olga pavel roman sergei sergey svetlana
  tatiana valentina valery vasily viktor vitaly volodymyr vyacheslav yevgeny yulia yuri yury zakhar petro oleksandr
  oleksiy mykola taras andrzej jaroslaw jerzy krzysztof lech mateusz tomasz wojciech zbigniew karel milos vaclav
  viktor miklos laszlo zoltan gabor mircea klaus traian nicolae ion vasile
  alberto alejandro alessandro andrea angelo antonio beatriz bruno carla carmen cesar claudia cristina diego eduardo
  elena emilio enrique federico felipe fernando francesca francesco francisco gabriel giampiero gianni giovanni
  giorgio giulia giuseppe gonzalo guillermo ignacio isabel javier jorge jose juan laura lorenzo luca lucia luigi
  luis manuel marco marcos mario marta massimo matteo miguel pablo paolo pedro pietro raul ricardo roberto rodrigo
  salvador sergio silvia stefano tiziano valeria vittorio alain antoine bernard christophe claude emmanuel
  francois francoise frederic guillaume jacques jean-claude jean-luc jean-marc jean-pierre laurent marine michel
  nicolas olivier pascal philippe pierre rene sebastien thierry yves
  angela annalena armin dieter frank friedrich gerhard gunter hans heinz helmut horst jens jurgen karl klaus markus
  mathias matthias olaf rainer stefan thomas ulrich ursula uwe werner wolfgang anders bjorn erik fredrik gustav
  henrik ingrid johan jonas lars magnus mats nils ola per sven ulf jonas mette sanna
  abdul abdullah abu ahmad ahmed ali amir amina anwar bashar fatima hamid hassan hussein ibrahim jamal karim khaled
  khalid mahmoud mohamed mohammad mohammed muhammad mustafa nasser omar osama rashid saeed salman sami tariq yasser
  youssef yusuf zainab recep ahmet mehmet mustafa kemal ozkan ekrem emine hakan hulusi mevlut tayyip hasan huseyin
  hossein javad mahmoud ebrahim hassan masoud
  amit anil arjun deepak priya rahul raj rajesh ravi sanjay sunil narendra indira sujata sehar rodaba
  wei li jun ming xi hui yan jian kim jae min ji hyun akira hiroshi kenji shinzo taro yuki
  joe jill kamala hillary barack donald boris rishi keir emmanuel olaf volodymyr recep xi vladimir
`);

/** Whether a folded lower-case word is a common given name. */
export const isGivenName = (lower: string): boolean => GIVEN_NAMES.has(lower);
