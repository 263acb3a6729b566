<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AdminViewModel</name>
    <message>
        <source>that failed; see the log file</source>
        <translation>das ist fehlgeschlagen; siehe Protokolldatei</translation>
    </message>
</context>
<context>
    <name>CartEdit</name>
    <message>
        <source>&apos;{0}&apos; is not a quantity</source>
        <translation>„{0}“ ist keine Menge</translation>
    </message>
    <message>
        <source>type or scan the item after the &apos;*&apos;</source>
        <translation>den Artikel nach dem „*“ eingeben oder scannen</translation>
    </message>
    <message>
        <source>a percentage can have at most 2 decimals</source>
        <translation>ein Prozentsatz hat höchstens 2 Nachkommastellen</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a percentage</source>
        <translation>„{0}“ ist kein Prozentsatz</translation>
    </message>
    <message>
        <source>a discount cannot be more than 100%</source>
        <translation>ein Rabatt kann nicht mehr als 100 % sein</translation>
    </message>
    <message>
        <source>a labelled item is sold one label at a time: scan each label</source>
        <translation>ein Artikel mit Etikett wird Etikett für Etikett verkauft: jedes Etikett scannen</translation>
    </message>
    <message>
        <source>a labelled item&apos;s weight or price is on its label: remove the line to undo it</source>
        <translation>Gewicht oder Preis eines Artikels mit Etikett stehen auf dem Etikett: zum Rückgängigmachen die Zeile entfernen</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>CartView</name>
    <message>
        <source>Cart lines</source>
        <translation>Warenkorbzeilen</translation>
    </message>
</context>
<context>
    <name>CatalogFilesBar</name>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <source>Import products from a CSV file</source>
        <translation>Artikel aus einer CSV-Datei importieren</translation>
    </message>
    <message>
        <source>Count stock from the file</source>
        <translation>Bestand aus der Datei zählen</translation>
    </message>
    <message>
        <source>Set existing products&apos; on-hand to the file&apos;s, booked as a stock count in your name. Unticked, the file only stocks new products.</source>
        <translation>Setzt den Bestand vorhandener Artikel auf den der Datei, gebucht als Inventur in Ihrem Namen. Ohne Haken bestückt die Datei nur neue Artikel.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export products to a CSV file</source>
        <translation>Artikel in eine CSV-Datei exportieren</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>Artikel importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export products</source>
        <translation>Artikel exportieren</translation>
    </message>
</context>
<context>
    <name>CatalogFilesViewModel</name>
    <message>
        <source>imported {count} products from {file}</source>
        <translation>{count} Artikel aus {file} importiert</translation>
    </message>
    <message>
        <source>; {count} stock level(s) set</source>
        <translation>; {count} Bestände gesetzt</translation>
    </message>
    <message>
        <source>; on-hand left as it was for {count}</source>
        <translation>; Bestand bei {count} unverändert gelassen</translation>
    </message>
    <message>
        <source>exported {count} products to {file}</source>
        <translation>{count} Artikel nach {file} exportiert</translation>
    </message>
    <message>
        <source>wait for the file that is being read or written</source>
        <translation>bitte warten, bis die Datei gelesen oder geschrieben ist</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>Checkout</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Till message</source>
        <translation>Kassenmeldung</translation>
    </message>
    <message>
        <source>Decrease quantity</source>
        <translation>Menge verringern</translation>
    </message>
    <message>
        <source>Increase quantity</source>
        <translation>Menge erhöhen</translation>
    </message>
    <message>
        <source>Qty  (F2)</source>
        <translation>Menge  (F2)</translation>
    </message>
    <message>
        <source>Set quantity</source>
        <translation>Menge festlegen</translation>
    </message>
    <message>
        <source>Remove  (Del)</source>
        <translation>Entfernen  (Entf)</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Zeile entfernen</translation>
    </message>
    <message>
        <source>Discount  (F6)</source>
        <translation>Rabatt  (F6)</translation>
    </message>
    <message>
        <source>Discount on selected line</source>
        <translation>Rabatt auf die gewählte Zeile</translation>
    </message>
    <message>
        <source>no product called “{0}”</source>
        <translation>kein Artikel namens „{0}“</translation>
    </message>
    <message>
        <source>select a line first</source>
        <translation>zuerst eine Zeile wählen</translation>
    </message>
    <message>
        <source>there is nothing in the cart to park</source>
        <translation>der Warenkorb ist leer, nichts zu parken</translation>
    </message>
    <message>
        <source>scan an item first</source>
        <translation>zuerst einen Artikel scannen</translation>
    </message>
    <message>
        <source>a discount of {discount} is over the {limit} clerk limit</source>
        <translation>ein Rabatt von {discount} liegt über der Grenze von {limit} für Kassierer</translation>
    </message>
    <message>
        <source>the discount needs a manager&apos;s approval</source>
        <translation>der Rabatt braucht die Freigabe eines Filialleiters</translation>
    </message>
</context>
<context>
    <name>CheckoutViewModel</name>
    <message>
        <source>{0}: the receipt&apos;s order, opened for a return</source>
        <translation>{0}: die Bestellung des Bons, für eine Rückgabe geöffnet</translation>
    </message>
    <message>
        <source>parked as “{label}”</source>
        <translation>geparkt als „{label}“</translation>
    </message>
    <message>
        <source>finish or park the sale on the till first</source>
        <translation>zuerst den Verkauf an der Kasse abschließen oder parken</translation>
    </message>
    <message>
        <source>resumed the parked sale</source>
        <translation>geparkter Verkauf fortgesetzt</translation>
    </message>
    <message>
        <source>the open sale was restored</source>
        <translation>der offene Verkauf wurde wiederhergestellt</translation>
    </message>
    <message>
        <source>the cart is empty</source>
        <translation>der Warenkorb ist leer</translation>
    </message>
    <message>
        <source>this sale was already paid as {0} before the till restarted; check that order, then press Pay again to sell this cart as a new sale</source>
        <translation>dieser Verkauf wurde vor dem Neustart der Kasse schon als {0} bezahlt; prüfen Sie diese Bestellung und drücken Sie dann erneut Bezahlen, um den Warenkorb als neuen Verkauf zu verkaufen</translation>
    </message>
    <message>
        <source>{number} paid</source>
        <translation>{number} bezahlt</translation>
    </message>
    <message>
        <source>the sale could not be saved (see the log); try again</source>
        <translation>der Verkauf konnte nicht gespeichert werden (siehe Protokoll); bitte erneut versuchen</translation>
    </message>
    <message>
        <source>{0}; {1} line(s) no longer sold were left out</source>
        <translation>{0}; {1} nicht mehr verkaufte Zeile(n) wurden weggelassen</translation>
    </message>
</context>
<context>
    <name>CloseDrawerDialog</name>
    <message>
        <source>Close the drawer</source>
        <translation>Schublade abschließen</translation>
    </message>
    <message>
        <source>&amp;Close the drawer</source>
        <translation>Schublade ab&amp;schließen</translation>
    </message>
    <message>
        <source>Count the drawer. It should hold {0}. Parked sales and the open cart are kept for the next session.</source>
        <translation>Zählen Sie die Schublade. Sie sollte {0} enthalten. Geparkte Verkäufe und der offene Warenkorb bleiben für die nächste Sitzung erhalten.</translation>
    </message>
    <message>
        <source>Over or short</source>
        <translation>Über- oder Fehlbetrag</translation>
    </message>
    <message>
        <source>Counted matches the expected amount</source>
        <translation>Gezählt stimmt mit dem Soll überein</translation>
    </message>
    <message>
        <source>Over by {amount}</source>
        <translation>Überschuss {amount}</translation>
    </message>
    <message>
        <source>Short by {amount}</source>
        <translation>Fehlbetrag {amount}</translation>
    </message>
    <message>
        <source>Expected {0} · counted {1} · {2}</source>
        <translation>Soll {0} · gezählt {1} · {2}</translation>
    </message>
</context>
<context>
    <name>CountPanel</name>
    <message>
        <source>Cash counted</source>
        <translation>Gezähltes Bargeld</translation>
    </message>
    <message>
        <source>Cash counted ({0})</source>
        <translation>Gezähltes Bargeld ({0})</translation>
    </message>
    <message>
        <source>Counted in all</source>
        <translation>Insgesamt gezählt</translation>
    </message>
    <message>
        <source>How many {0}s</source>
        <translation>Anzahl {0}</translation>
    </message>
    <message>
        <source>Counted: {0}</source>
        <translation>Gezählt: {0}</translation>
    </message>
</context>
<context>
    <name>CustomerBar</name>
    <message>
        <source>Taken now</source>
        <translation>Mitnahme</translation>
    </message>
    <message>
        <source>Collect later</source>
        <translation>Abholung</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>Customer and fulfilment</source>
        <translation>Kunde und Übergabe</translation>
    </message>
    <message>
        <source>CUSTOMER</source>
        <translation>KUNDE</translation>
    </message>
    <message>
        <source>Customer on this sale</source>
        <translation>Kunde dieses Verkaufs</translation>
    </message>
    <message>
        <source>Customer  (F4)</source>
        <translation>Kunde  (F4)</translation>
    </message>
    <message>
        <source>Choose customer</source>
        <translation>Kunde wählen</translation>
    </message>
    <message>
        <source>Fulfilment: {name}</source>
        <translation>Übergabe: {name}</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>Lieferadresse</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Customer for this sale</source>
        <translation>Kunde für diesen Verkauf</translation>
    </message>
    <message>
        <source>Find customer by name</source>
        <translation>Kunde nach Namen suchen</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>Gefundene Kunden</translation>
    </message>
    <message>
        <source>Attach  (Enter)</source>
        <translation>Zuordnen  (Enter)</translation>
    </message>
    <message>
        <source>Attach customer</source>
        <translation>Kunde zuordnen</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>Ohne Kunde</translation>
    </message>
    <message>
        <source>Sell without a customer</source>
        <translation>Ohne Kunde verkaufen</translation>
    </message>
    <message>
        <source>NEW CUSTOMER</source>
        <translation>NEUER KUNDE</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>New customer {0}</source>
        <translation>Neuer Kunde: {0}</translation>
    </message>
    <message>
        <source>Add and attach</source>
        <translation>Anlegen und zuordnen</translation>
    </message>
    <message>
        <source>Add new customer and attach</source>
        <translation>Neuen Kunden anlegen und zuordnen</translation>
    </message>
    <message>
        <source>no customer found: add them below</source>
        <translation>kein Kunde gefunden: unten neu anlegen</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation>Kundenanzeige</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Vielen Dank</translation>
    </message>
    <message>
        <source>Change {0}</source>
        <translation>Rückgeld {0}</translation>
    </message>
    <message>
        <source>… and {0} more above</source>
        <translation>… und {0} weitere darüber</translation>
    </message>
    <message>
        <source>Discount {0}</source>
        <translation>Rabatt {0}</translation>
    </message>
    <message>
        <source>Total {0}</source>
        <translation>Summe {0}</translation>
    </message>
    <message>
        <source>Paid {0}</source>
        <translation>Bezahlt {0}</translation>
    </message>
</context>
<context>
    <name>CustomerDisplayViewModel</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} Artikel</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 Artikel</translation>
    </message>
</context>
<context>
    <name>DateBox</name>
    <message>
        <source>any day</source>
        <translation>jeder Tag</translation>
    </message>
    <message>
        <source>{0}; Delete: any day</source>
        <translation>{0}; Entf: jeder Tag</translation>
    </message>
</context>
<context>
    <name>DrawerDialog</name>
    <message>
        <source>Cash drawer — till {0}</source>
        <translation>Kassenschublade — Kasse {0}</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Kassenschublade</translation>
    </message>
    <message>
        <source>Drawer status</source>
        <translation>Schubladenstatus</translation>
    </message>
    <message>
        <source>Drawer message</source>
        <translation>Schubladenmeldung</translation>
    </message>
    <message>
        <source>&amp;Open drawer…</source>
        <translation>Schublade ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open the drawer</source>
        <translation>Schublade öffnen</translation>
    </message>
    <message>
        <source>Pay &amp;in…</source>
        <translation>&amp;Einlage…</translation>
    </message>
    <message>
        <source>Pay cash in</source>
        <translation>Bargeld einlegen</translation>
    </message>
    <message>
        <source>Pay o&amp;ut…</source>
        <translation>Ent&amp;nahme…</translation>
    </message>
    <message>
        <source>Pay cash out</source>
        <translation>Bargeld entnehmen</translation>
    </message>
    <message>
        <source>&amp;X report</source>
        <translation>&amp;X-Bericht</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-Bericht</translation>
    </message>
    <message>
        <source>&amp;Close drawer…</source>
        <translation>Schublade ab&amp;schließen…</translation>
    </message>
    <message>
        <source>Close the drawer</source>
        <translation>Schublade abschließen</translation>
    </message>
    <message>
        <source>Last &amp;Z report</source>
        <translation>Letzter &amp;Z-Bericht</translation>
    </message>
    <message>
        <source>Last Z report</source>
        <translation>Letzter Z-Bericht</translation>
    </message>
    <message>
        <source>&amp;No sale (manager)</source>
        <translation>Ohne &amp;Verkauf öffnen</translation>
    </message>
    <message>
        <source>Open the drawer without a sale</source>
        <translation>Schublade ohne Verkauf öffnen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Close this screen</source>
        <translation>Diesen Bildschirm schließen</translation>
    </message>
    <message>
        <source>Open the drawer without a sale; a clerk needs a manager&apos;s approval</source>
        <translation>Schublade ohne Verkauf öffnen; ein Kassierer braucht die Freigabe eines Filialleiters</translation>
    </message>
    <message>
        <source>The drawer opens through the receipt printer: set one up in Settings</source>
        <translation>Die Schublade öffnet über den Bondrucker: richten Sie einen in den Einstellungen ein</translation>
    </message>
    <message>
        <source>the drawer stays shut: no manager approved it</source>
        <translation>die Schublade bleibt zu: kein Filialleiter hat es freigegeben</translation>
    </message>
</context>
<context>
    <name>DrawerViewModel</name>
    <message>
        <source>Reading the drawer…</source>
        <translation>Schublade wird gelesen…</translation>
    </message>
    <message>
        <source>{session} open since {since} (by {user}): {sales} sales, {expected} expected in the drawer</source>
        <translation>{session} offen seit {since} (von {user}): {sales} Verkäufe, Soll in der Schublade {expected}</translation>
    </message>
    <message>
        <source>Till {till} is card-only: it takes no cash</source>
        <translation>Kasse {till} nimmt nur Karten: kein Bargeld</translation>
    </message>
    <message>
        <source>The drawer of till {till} is closed: cash is refused until it is opened</source>
        <translation>Die Schublade von Kasse {till} ist geschlossen: kein Bargeld, bis sie geöffnet ist</translation>
    </message>
    <message>
        <source>No drawer session at till {till}: cash is taken without one here</source>
        <translation>Keine Schubladensitzung an Kasse {till}: Bargeld wird hier ohne Sitzung angenommen</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-Bericht</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z-Bericht</translation>
    </message>
    <message>
        <source>{0} opened with {1}</source>
        <translation>{0} mit {1} geöffnet</translation>
    </message>
    <message>
        <source>{0} into the drawer</source>
        <translation>{0} in die Schublade</translation>
    </message>
    <message>
        <source>{0} out of the drawer</source>
        <translation>{0} aus der Schublade</translation>
    </message>
    <message>
        <source>{0} closed</source>
        <translation>{0} abgeschlossen</translation>
    </message>
    <message>
        <source>that failed; see the log file</source>
        <translation>das ist fehlgeschlagen; siehe Protokolldatei</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>{0}: OK</source>
        <translation>{0}: OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>{0}: cancel</source>
        <translation>{0}: abbrechen</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>No database</source>
        <translation>Keine Datenbank</translation>
    </message>
    <message>
        <source>No database at the path</source>
        <translation>Keine Datenbank unter dem Pfad</translation>
    </message>
    <message>
        <source>My shop</source>
        <translation>Mein Geschäft</translation>
    </message>
    <message>
        <source>your own user name</source>
        <translation>Ihr eigener Benutzername</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Name des Geschäfts</translation>
    </message>
    <message>
        <source>Till name</source>
        <translation>Name der Kasse</translation>
    </message>
    <message>
        <source>Manager&apos;s user name</source>
        <translation>Benutzername des Filialleiters</translation>
    </message>
    <message>
        <source>Manager&apos;s password</source>
        <translation>Passwort des Filialleiters</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>Manager&apos;s password again</source>
        <translation>Passwort des Filialleiters wiederholen</translation>
    </message>
    <message>
        <source>Create a new shop</source>
        <translation>Neues Geschäft anlegen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>FirstRunViewModel</name>
    <message>
        <source>There is no database at {0}.

If the shop&apos;s database should be there, check the name and that its drive is connected, then quit and start again. Otherwise create a new, empty shop there.</source>
        <translation>Unter {0} gibt es keine Datenbank.

Wenn die Datenbank des Geschäfts dort sein sollte, prüfen Sie den Namen und ob ihr Laufwerk angeschlossen ist, beenden Sie dann und starten Sie neu. Andernfalls legen Sie dort ein neues, leeres Geschäft an.</translation>
    </message>
    <message>
        <source>fill in the store name, the till name and the manager&apos;s user name</source>
        <translation>Namen des Geschäfts, der Kasse und den Benutzernamen des Filialleiters ausfüllen</translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>die beiden Passwörter sind verschieden</translation>
    </message>
    <message>
        <source>could not create {0}: {1}</source>
        <translation>{0} konnte nicht angelegt werden: {1}</translation>
    </message>
</context>
<context>
    <name>HeldSalesDialog</name>
    <message>
        <source>Parked sales</source>
        <translation>Geparkte Verkäufe</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Parked by</source>
        <translation>Geparkt von</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Parked sales list</source>
        <translation>Liste der geparkten Verkäufe</translation>
    </message>
    <message>
        <source>Resume  (Enter)</source>
        <translation>Fortsetzen  (Enter)</translation>
    </message>
    <message>
        <source>Discard  (Del)</source>
        <translation>Verwerfen  (Entf)</translation>
    </message>
    <message>
        <source>Close  (Esc)</source>
        <translation>Schließen  (Esc)</translation>
    </message>
    <message>
        <source>Resume parked sale</source>
        <translation>Geparkten Verkauf fortsetzen</translation>
    </message>
    <message>
        <source>Discard parked sale</source>
        <translation>Geparkten Verkauf verwerfen</translation>
    </message>
    <message>
        <source>Close parked sales</source>
        <translation>Geparkte Verkäufe schließen</translation>
    </message>
    <message>
        <source>No parked sales.</source>
        <translation>Keine geparkten Verkäufe.</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

The details are in {log}.
The last completed sale is safe in the database.</source>
        <translation>Etwas ist schiefgegangen: {error}

Die Einzelheiten stehen in {log}.
Der letzte abgeschlossene Verkauf ist sicher in der Datenbank.</translation>
    </message>
    <message>
        <source>the database could not be opened</source>
        <translation>die Datenbank konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Die Datenbank lässt sich nicht öffnen</translation>
    </message>
</context>
<context>
    <name>LockedPage</name>
    <message>
        <source>Till locked</source>
        <translation>Kasse gesperrt</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Enter: log in to go on</source>
        <translation>Enter: anmelden und weitermachen</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>P&amp;IN</source>
        <translation>P&amp;IN</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Till locked</source>
        <translation>Kasse gesperrt</translation>
    </message>
    <message>
        <source>Till {till} is locked: log in to go on</source>
        <translation>Kasse {till} ist gesperrt: zum Weitermachen anmelden</translation>
    </message>
    <message>
        <source>Till {till}: log in to start</source>
        <translation>Kasse {till}: zum Beginnen anmelden</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Switching clerks? The PIN tab is quicker.</source>
        <translation>Kassiererwechsel? Mit der PIN geht es schneller.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Log in with PIN</source>
        <translation>Mit PIN anmelden</translation>
    </message>
</context>
<context>
    <name>LoginViewModel</name>
    <message>
        <source>type your user name</source>
        <translation>Benutzernamen eingeben</translation>
    </message>
    <message>
        <source>type your PIN</source>
        <translation>PIN eingeben</translation>
    </message>
    <message>
        <source>type your password</source>
        <translation>Passwort eingeben</translation>
    </message>
    <message>
        <source>{0}: go on typing</source>
        <translation>{0}: weiter eingeben</translation>
    </message>
    <message>
        <source>log-in failed: see the log file</source>
        <translation>Anmeldung fehlgeschlagen: siehe Protokolldatei</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{action} ({shortcut})</source>
        <translation>{action} ({shortcut})</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Find order</source>
        <translation>Bestellung suchen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Kassenschublade</translation>
    </message>
    <message>
        <source>Lock till</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Products &amp;&amp; stock</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>&amp;Till</source>
        <translation>&amp;Kasse</translation>
    </message>
    <message>
        <source>nobody logged in</source>
        <translation>niemand angemeldet</translation>
    </message>
    <message>
        <source>Logged in: {name} ({role})</source>
        <translation>Angemeldet: {name} ({role})</translation>
    </message>
    <message>
        <source>Till {till}</source>
        <translation>Kasse {till}</translation>
    </message>
    <message>
        <source>{store} — till {till}</source>
        <translation>{store} — Kasse {till}</translation>
    </message>
</context>
<context>
    <name>NameSearch</name>
    <message>
        <source>Find by name  (F3)</source>
        <translation>Nach Namen  (F3)</translation>
    </message>
    <message>
        <source>Find product by name</source>
        <translation>Artikel nach Namen suchen</translation>
    </message>
    <message>
        <source>Products found</source>
        <translation>Gefundene Artikel</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Placed</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Abgeholt</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>Filialleiter</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>in store</source>
        <translation>im Laden</translation>
    </message>
    <message>
        <source>pickup</source>
        <translation>Abholung</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Rückerstattung</translation>
    </message>
</context>
<context>
    <name>NumberPad</name>
    <message>
        <source>delete last</source>
        <translation>letzte Ziffer löschen</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>leeren</translation>
    </message>
    <message>
        <source>enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>decimal point</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>Prozent</translation>
    </message>
    <message>
        <source>Number pad</source>
        <translation>Ziffernblock</translation>
    </message>
    <message>
        <source>Number pad {key}</source>
        <translation>Ziffernblock {key}</translation>
    </message>
</context>
<context>
    <name>OpenDrawerDialog</name>
    <message>
        <source>Open the drawer</source>
        <translation>Schublade öffnen</translation>
    </message>
    <message>
        <source>&amp;Open the drawer</source>
        <translation>Schublade ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Count the float in the drawer, note by note and coin by coin.</source>
        <translation>Zählen Sie das Wechselgeld in der Schublade, Schein für Schein und Münze für Münze.</translation>
    </message>
    <message>
        <source>&amp;Open with {0}</source>
        <translation>Mit {0} ö&amp;ffnen</translation>
    </message>
</context>
<context>
    <name>OpenSale</name>
    <message>
        <source>only {count} in stock</source>
        <translation>nur {count} auf Lager</translation>
    </message>
    <message>
        <source>none in stock</source>
        <translation>nicht auf Lager</translation>
    </message>
    <message>
        <source>{have}: lower the quantity to sell it</source>
        <translation>{have}: Menge verringern, um zu verkaufen</translation>
    </message>
    <message>
        <source>{name} is sold by weight: scan its scale label, or type the weight first, e.g. 0.350*{sku}</source>
        <translation>{name} wird nach Gewicht verkauft: sein Waagenetikett scannen oder zuerst das Gewicht eingeben, z. B. 0.350*{sku}</translation>
    </message>
    <message>
        <source>a weighed item&apos;s weight is typed: press Qty (F2) and type it in kg</source>
        <translation>das Gewicht eines gewogenen Artikels wird eingegeben: Menge (F2) drücken und es in kg eingeben</translation>
    </message>
    <message>
        <source>quantity must be at least 1: press Del to remove the line</source>
        <translation>die Menge muss mindestens 1 sein: Entf entfernt die Zeile</translation>
    </message>
    <message>
        <source>a discount of {discount} is more than the line ({base})</source>
        <translation>ein Rabatt von {discount} ist mehr als die Zeile ({base})</translation>
    </message>
    <message>
        <source>scan an item before giving a discount</source>
        <translation>vor einem Rabatt zuerst einen Artikel scannen</translation>
    </message>
    <message>
        <source>a discount of {discount} is more than the sale ({base})</source>
        <translation>ein Rabatt von {discount} ist mehr als der Verkauf ({base})</translation>
    </message>
    <message>
        <source>the sale was not voided</source>
        <translation>der Verkauf wurde nicht storniert</translation>
    </message>
    <message>
        <source>wait: the sale is being saved</source>
        <translation>bitte warten: der Verkauf wird gespeichert</translation>
    </message>
    <message>
        <source>the line was not taken off</source>
        <translation>die Zeile wurde nicht entfernt</translation>
    </message>
    <message>
        <source>the open sale could not be saved to disk ({reason})</source>
        <translation>der offene Verkauf konnte nicht auf die Platte gespeichert werden ({reason})</translation>
    </message>
    <message>
        <source>select a line first</source>
        <translation>zuerst eine Zeile wählen</translation>
    </message>
</context>
<context>
    <name>OrderDetailDialog</name>
    <message>
        <source>Start &amp;processing</source>
        <translation>In &amp;Bearbeitung</translation>
    </message>
    <message>
        <source>Read&amp;y for pickup</source>
        <translation>Be&amp;reit zur Abholung</translation>
    </message>
    <message>
        <source>Mark &amp;shipped…</source>
        <translation>Als &amp;versandt markieren…</translation>
    </message>
    <message>
        <source>Mark &amp;delivered</source>
        <translation>Als &amp;zugestellt markieren</translation>
    </message>
    <message>
        <source>Mark c&amp;ollected</source>
        <translation>Als abge&amp;holt markieren</translation>
    </message>
    <message>
        <source> (manager)</source>
        <translation> (Leitung)</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>&amp;Looked at</source>
        <translation>&amp;Gesehen</translation>
    </message>
    <message>
        <source>Mark what is flagged as looked at (Alt+L): the flag goes on every till</source>
        <translation>Markierung als gesehen abhaken (Alt+L): sie verschwindet an jeder Kasse</translation>
    </message>
    <message>
        <source>&amp;Items &amp;&amp; payments</source>
        <translation>&amp;Artikel &amp;&amp; Zahlungen</translation>
    </message>
    <message>
        <source>C&amp;ustomer &amp;&amp; shipping</source>
        <translation>K&amp;unde &amp;&amp; Versand</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <source>&amp;Cancel order…</source>
        <translation>&amp;Stornieren…</translation>
    </message>
    <message>
        <source>&amp;Refund…</source>
        <translation>&amp;Erstatten…</translation>
    </message>
    <message>
        <source>Reprint rec&amp;eipt</source>
        <translation>Bon &amp;nachdrucken</translation>
    </message>
    <message>
        <source>Reprint the receipt (Ctrl+P)</source>
        <translation>Bon nachdrucken (Strg+P)</translation>
    </message>
    <message>
        <source>&amp;Take payment…</source>
        <translation>Zahlung anneh&amp;men…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Needs a manager&apos;s attention: {0}</source>
        <translation>Muss vom Filialleiter geprüft werden: {0}</translation>
    </message>
    <message>
        <source>Order {0}</source>
        <translation>Bestellung {0}</translation>
    </message>
    <message>
        <source>{0} · till {1} · served by {2} · {3} · {4} · version {5}</source>
        <translation>{0} · Kasse {1} · bedient von {2} · {3} · {4} · Version {5}</translation>
    </message>
    <message>
        <source>no customer</source>
        <translation>kein Kunde</translation>
    </message>
    <message>
        <source>{0}: a manager can approve it</source>
        <translation>{0}: ein Filialleiter kann es freigeben</translation>
    </message>
    <message>
        <source>Cancel {0}</source>
        <translation>{0} stornieren</translation>
    </message>
    <message>
        <source>Cancel {0}? Everything paid is given back.</source>
        <translation>{0} stornieren? Alles Bezahlte wird erstattet.</translation>
    </message>
    <message>
        <source>Put the goods back in stock</source>
        <translation>Ware zurück in den Bestand</translation>
    </message>
    <message>
        <source>Take payment for {0}</source>
        <translation>Zahlung für {0} annehmen</translation>
    </message>
    <message>
        <source>{0}; the payment is saved: reprint it with Alt+E</source>
        <translation>{0}; die Zahlung ist gespeichert: mit Alt+E erneut drucken</translation>
    </message>
</context>
<context>
    <name>OrderDetailViewModel</name>
    <message>
        <source>no order is open</source>
        <translation>keine Bestellung ist geöffnet</translation>
    </message>
    <message>
        <source>status set to {status}</source>
        <translation>Status auf {status} gesetzt</translation>
    </message>
    <message>
        <source>shipped, tracking {tracking}</source>
        <translation>versandt, Sendungsnummer {tracking}</translation>
    </message>
    <message>
        <source>shipped without a tracking number</source>
        <translation>ohne Sendungsnummer versandt</translation>
    </message>
    <message>
        <source>shipping details saved</source>
        <translation>Versanddaten gespeichert</translation>
    </message>
    <message>
        <source>note saved</source>
        <translation>Notiz gespeichert</translation>
    </message>
    <message>
        <source>marked as looked at</source>
        <translation>als gesehen markiert</translation>
    </message>
    <message>
        <source>payment taken</source>
        <translation>Zahlung angenommen</translation>
    </message>
    <message>
        <source>order cancelled</source>
        <translation>Bestellung storniert</translation>
    </message>
    <message>
        <source>order cancelled (not restocked)</source>
        <translation>Bestellung storniert (nicht zurück in den Bestand)</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>erstattet</translation>
    </message>
    <message>
        <source>refunded (not restocked)</source>
        <translation>erstattet (nicht zurück in den Bestand)</translation>
    </message>
    <message>
        <source>something went wrong; the details are in the log file</source>
        <translation>etwas ist schiefgegangen; die Einzelheiten stehen in der Protokolldatei</translation>
    </message>
</context>
<context>
    <name>OrderFilters</name>
    <message>
        <source>Order number or customer  (Ctrl+F, ↓ to the list)</source>
        <translation>Bestellnummer oder Kunde  (Strg+F, ↓ zur Liste)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>first day (any day: no limit)</source>
        <translation>erster Tag (jeder Tag: ohne Grenze)</translation>
    </message>
    <message>
        <source>last day (any day: no limit)</source>
        <translation>letzter Tag (jeder Tag: ohne Grenze)</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Only orders a sync conflict flagged for a manager</source>
        <translation>Nur Bestellungen, die ein Sync-Konflikt für den Filialleiter markiert hat</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Needs attention: {0}</source>
        <translation>Muss geprüft werden: {0}</translation>
    </message>
    <message>
        <source>the orders could not be read</source>
        <translation>die Bestellungen konnten nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>OrderListWidget</name>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>no orders match</source>
        <translation>keine passenden Bestellungen</translation>
    </message>
    <message>
        <source>{count} orders shown</source>
        <translation>{count} Bestellungen angezeigt</translation>
    </message>
    <message>
        <source>1 order shown</source>
        <translation>1 Bestellung angezeigt</translation>
    </message>
    <message>
        <source>{shown} — scroll for more</source>
        <translation>{shown} — für mehr weiterblättern</translation>
    </message>
</context>
<context>
    <name>OrderTables</name>
    <message>
        <source>SKU</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Gesperrt bis</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Tendered</source>
        <translation>Gegeben</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Von → nach</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source> (approved by {name})</source>
        <translation> (freigegeben von {name})</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Übrig</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Zeilensumme</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Rückerstattung</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Manager approval</source>
        <translation>Freigabe durch Filialleiter</translation>
    </message>
    <message>
        <source>Manager name</source>
        <translation>Name des Filialleiters</translation>
    </message>
    <message>
        <source>Manager password or PIN</source>
        <translation>Passwort oder PIN des Filialleiters</translation>
    </message>
    <message>
        <source>PIN instead of password</source>
        <translation>PIN statt Passwort</translation>
    </message>
    <message>
        <source>Use PIN instead of password</source>
        <translation>PIN statt Passwort verwenden</translation>
    </message>
    <message>
        <source>Approval error</source>
        <translation>Fehler bei der Freigabe</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel approval</source>
        <translation>Freigabe abbrechen</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Filialleiter</translation>
    </message>
    <message>
        <source>Password / PIN</source>
        <translation>Passwort / PIN</translation>
    </message>
    <message>
        <source>type the manager&apos;s name and password or PIN</source>
        <translation>Namen und Passwort oder PIN des Filialleiters eingeben</translation>
    </message>
    <message>
        <source>the approval could not be checked (see the log)</source>
        <translation>die Freigabe konnte nicht geprüft werden (siehe Protokoll)</translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <source>Pay cash in</source>
        <translation>Bargeld einlegen</translation>
    </message>
    <message>
        <source>Pay cash out</source>
        <translation>Bargeld entnehmen</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>change from the bank</source>
        <translation>Wechselgeld von der Bank</translation>
    </message>
    <message>
        <source>supplier paid, bank drop, …</source>
        <translation>Lieferant bezahlt, Bankeinzahlung, …</translation>
    </message>
    <message>
        <source>Pay message</source>
        <translation>Zahlungsmeldung</translation>
    </message>
    <message>
        <source>Pay &amp;in</source>
        <translation>&amp;Einlegen</translation>
    </message>
    <message>
        <source>Pay &amp;out</source>
        <translation>E&amp;ntnehmen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Amount ({0})</source>
        <translation>&amp;Betrag ({0})</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>Change from the bank</source>
        <translation>Wechselgeld von der Bank</translation>
    </message>
    <message>
        <source>Float top-up</source>
        <translation>Wechselgeld auffüllen</translation>
    </message>
    <message>
        <source>Bank drop</source>
        <translation>Bankeinzahlung</translation>
    </message>
    <message>
        <source>Supplier paid</source>
        <translation>Lieferant bezahlt</translation>
    </message>
    <message>
        <source>Petty cash</source>
        <translation>Kleine Ausgaben</translation>
    </message>
    <message>
        <source>Reason: {0}</source>
        <translation>Grund: {0}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>TO PAY</source>
        <translation>ZU ZAHLEN</translation>
    </message>
    <message>
        <source>CHANGE</source>
        <translation>RÜCKGELD</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Offener Betrag</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>CASH</source>
        <translation>BAR</translation>
    </message>
    <message>
        <source>Cash handed over, then Enter  (Enter alone: exact)</source>
        <translation>Gegebenes Bargeld, dann Enter  (nur Enter: passend)</translation>
    </message>
    <message>
        <source>Cash tendered in {currency}</source>
        <translation>Gegebenes Bargeld in {currency}</translation>
    </message>
    <message>
        <source>Add as part payment</source>
        <translation>Als Teilzahlung</translation>
    </message>
    <message>
        <source>Add cash as part payment</source>
        <translation>Bargeld als Teilzahlung hinzufügen</translation>
    </message>
    <message>
        <source>CARD  (F5)</source>
        <translation>KARTE  (F5)</translation>
    </message>
    <message>
        <source>Amount (empty: all due)</source>
        <translation>Betrag (leer: alles Offene)</translation>
    </message>
    <message>
        <source>Card amount in {currency}</source>
        <translation>Kartenbetrag in {currency}</translation>
    </message>
    <message>
        <source>Reference, then Enter</source>
        <translation>Referenz, dann Enter</translation>
    </message>
    <message>
        <source>Card terminal reference</source>
        <translation>Referenz des Kartenterminals</translation>
    </message>
    <message>
        <source>Add card payment</source>
        <translation>Kartenzahlung hinzufügen</translation>
    </message>
    <message>
        <source>Payments taken</source>
        <translation>Erhaltene Zahlungen</translation>
    </message>
    <message>
        <source>Remove payment</source>
        <translation>Zahlung entfernen</translation>
    </message>
    <message>
        <source>Remove selected payment</source>
        <translation>Gewählte Zahlung entfernen</translation>
    </message>
    <message>
        <source>Payment message</source>
        <translation>Zahlungsmeldung</translation>
    </message>
    <message>
        <source>Back to sale  (Esc)</source>
        <translation>Zurück zum Verkauf  (Esc)</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Zurück zum Verkauf</translation>
    </message>
    <message>
        <source>Finish sale  (F12)</source>
        <translation>Verkauf abschließen  (F12)</translation>
    </message>
    <message>
        <source>Finish sale</source>
        <translation>Verkauf abschließen</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Summe {amount}</translation>
    </message>
    <message>
        <source>paid {amount}</source>
        <translation>bezahlt {amount}</translation>
    </message>
    <message>
        <source>in cash {amount} (rounded)</source>
        <translation>bar {amount} (gerundet)</translation>
    </message>
    <message>
        <source>SHORT</source>
        <translation>FEHLT</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Passend</translation>
    </message>
    <message>
        <source>Cash {amount}</source>
        <translation>Bar {amount}</translation>
    </message>
    <message>
        <source>the discount needs a manager&apos;s approval</source>
        <translation>der Rabatt braucht die Freigabe eines Filialleiters</translation>
    </message>
</context>
<context>
    <name>PaymentViewModel</name>
    <message>
        <source>cash tendered {0} is less than {1} due; use “Add as part payment” to take it and pay the rest another way</source>
        <translation>gegebenes Bargeld {0} ist weniger als offene {1}; mit „Als Teilzahlung“ annehmen und den Rest anders bezahlen</translation>
    </message>
    <message>
        <source>nothing is left to pay by card</source>
        <translation>es ist nichts mehr mit Karte zu zahlen</translation>
    </message>
    <message>
        <source>type the card terminal&apos;s reference for this payment</source>
        <translation>die Referenz des Kartenterminals für diese Zahlung eingeben</translation>
    </message>
    <message>
        <source>card payments ({0}) would be more than the total ({1})</source>
        <translation>Kartenzahlungen ({0}) wären mehr als die Summe ({1})</translation>
    </message>
</context>
<context>
    <name>ProductFormDialog</name>
    <message>
        <source>New product</source>
        <translation>Neuer Artikel</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>{0} bearbeiten</translation>
    </message>
    <message>
        <source>optional: EAN-13, EAN-8 or UPC-A</source>
        <translation>optional: EAN-13, EAN-8 oder UPC-A</translation>
    </message>
    <message>
        <source>e.g. {amount} ({currency})</source>
        <translation>z. B. {amount} ({currency})</translation>
    </message>
    <message>
        <source>percent, e.g. 20 or 12.5</source>
        <translation>Prozent, z. B. 19 oder 7,5</translation>
    </message>
    <message>
        <source>Each (price per item)</source>
        <translation>Stück (Preis pro Stück)</translation>
    </message>
    <message>
        <source>By weight (price per kg, stock in kg)</source>
        <translation>Nach Gewicht (Preis pro kg, Bestand in kg)</translation>
    </message>
    <message>
        <source>Sold by</source>
        <translation>Verkaufseinheit</translation>
    </message>
    <message>
        <source>optional, e.g. Kitchen: reports group sales by it</source>
        <translation>optional, z. B. Küche: Berichte gruppieren danach</translation>
    </message>
    <message>
        <source>Count stock of this product</source>
        <translation>Bestand dieses Artikels zählen</translation>
    </message>
    <message>
        <source>On sale (untick to stop selling it)</source>
        <translation>Im Verkauf (Haken entfernen, um ihn nicht mehr zu verkaufen)</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Price ({currency})</source>
        <translation>Preis ({currency})</translation>
    </message>
    <message>
        <source>Tax rate %</source>
        <translation>MwSt.-Satz %</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Warengruppe</translation>
    </message>
</context>
<context>
    <name>ProductFormViewModel</name>
    <message>
        <source>added {0} {1}</source>
        <translation>{0} {1} angelegt</translation>
    </message>
    <message>
        <source>{0}: nothing changed</source>
        <translation>{0}: nichts geändert</translation>
    </message>
    <message>
        <source>saved {0} {1}</source>
        <translation>{0} {1} gespeichert</translation>
    </message>
    <message>
        <source>that failed; see the log file</source>
        <translation>das ist fehlgeschlagen; siehe Protokolldatei</translation>
    </message>
</context>
<context>
    <name>QuickKey</name>
    <message>
        <source>not sold</source>
        <translation>nicht im Verkauf</translation>
    </message>
    <message>
        <source>Quick key {label}, {price}</source>
        <translation>Schnelltaste {label}, {price}</translation>
    </message>
    <message>
        <source>no longer sold: a manager can change it</source>
        <translation>nicht mehr im Verkauf: ein Filialleiter kann die Taste ändern</translation>
    </message>
</context>
<context>
    <name>QuickKeyEditor</name>
    <message>
        <source>{0}: not sold</source>
        <translation>{0}: nicht im Verkauf</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Neue Taste</translation>
    </message>
    <message>
        <source>page “{0}” added</source>
        <translation>Seite „{0}“ hinzugefügt</translation>
    </message>
    <message>
        <source>choose a page first</source>
        <translation>zuerst eine Seite wählen</translation>
    </message>
    <message>
        <source>add a page first, then its keys</source>
        <translation>zuerst eine Seite anlegen, dann ihre Tasten</translation>
    </message>
    <message>
        <source>a page holds at most {0} keys: start another page</source>
        <translation>eine Seite fasst höchstens {0} Tasten: eine weitere Seite anlegen</translation>
    </message>
    <message>
        <source>key “{0}” added</source>
        <translation>Taste „{0}“ hinzugefügt</translation>
    </message>
    <message>
        <source>choose a key first</source>
        <translation>zuerst eine Taste wählen</translation>
    </message>
    <message>
        <source>key “{0}” changed</source>
        <translation>Taste „{0}“ geändert</translation>
    </message>
    <message>
        <source>quick keys saved</source>
        <translation>Schnelltasten gespeichert</translation>
    </message>
    <message>
        <source>the keys could not be saved (see the log)</source>
        <translation>die Tasten konnten nicht gespeichert werden (siehe Protokoll)</translation>
    </message>
    <message>
        <source>choose the key&apos;s product: scan it, type its SKU or find it by name</source>
        <translation>den Artikel der Taste wählen: scannen, Art.-Nr. eingeben oder nach Namen suchen</translation>
    </message>
</context>
<context>
    <name>QuickKeysEditor</name>
    <message>
        <source>Quick keys</source>
        <translation>Schnelltasten</translation>
    </message>
    <message>
        <source>Quick keys editor</source>
        <translation>Schnelltasten bearbeiten</translation>
    </message>
    <message>
        <source>PAGES</source>
        <translation>SEITEN</translation>
    </message>
    <message>
        <source>Quick-key pages</source>
        <translation>Schnelltasten-Seiten</translation>
    </message>
    <message>
        <source>Page name, e.g. Bakery</source>
        <translation>Seitenname, z. B. Backwaren</translation>
    </message>
    <message>
        <source>Page name</source>
        <translation>Seitenname</translation>
    </message>
    <message>
        <source>Add page</source>
        <translation>Neue Seite</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Rename page</source>
        <translation>Seite umbenennen</translation>
    </message>
    <message>
        <source>Move page earlier</source>
        <translation>Seite nach vorn</translation>
    </message>
    <message>
        <source>Move page later</source>
        <translation>Seite nach hinten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove page</source>
        <translation>Seite entfernen</translation>
    </message>
    <message>
        <source>KEYS ON THIS PAGE</source>
        <translation>TASTEN AUF DIESER SEITE</translation>
    </message>
    <message>
        <source>Keys on this page</source>
        <translation>Tasten auf dieser Seite</translation>
    </message>
    <message>
        <source>▲ Earlier</source>
        <translation>▲ Vor</translation>
    </message>
    <message>
        <source>Move key earlier</source>
        <translation>Taste nach vorn</translation>
    </message>
    <message>
        <source>▼ Later</source>
        <translation>▼ Zurück</translation>
    </message>
    <message>
        <source>Move key later</source>
        <translation>Taste nach hinten</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>TASTE</translation>
    </message>
    <message>
        <source>Label (empty: the product&apos;s name)</source>
        <translation>Beschriftung (leer: Name des Artikels)</translation>
    </message>
    <message>
        <source>Key label</source>
        <translation>Beschriftung der Taste</translation>
    </message>
    <message>
        <source>Product: scan, SKU or name</source>
        <translation>Artikel: scannen, Art.-Nr. oder Name</translation>
    </message>
    <message>
        <source>Key product</source>
        <translation>Artikel der Taste</translation>
    </message>
    <message>
        <source>No product chosen</source>
        <translation>Kein Artikel gewählt</translation>
    </message>
    <message>
        <source>Colour {0}</source>
        <translation>Farbe {0}</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add key to this page</source>
        <translation>Taste zu dieser Seite hinzufügen</translation>
    </message>
    <message>
        <source>Change key</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Change the selected key</source>
        <translation>Gewählte Taste ändern</translation>
    </message>
    <message>
        <source>COLOUR</source>
        <translation>FARBE</translation>
    </message>
    <message>
        <source>AT THE TILL</source>
        <translation>AN DER KASSE</translation>
    </message>
    <message>
        <source>Close  (Esc)</source>
        <translation>Schließen  (Esc)</translation>
    </message>
    <message>
        <source>Close quick keys</source>
        <translation>Schnelltasten schließen</translation>
    </message>
    <message>
        <source>Save for every till</source>
        <translation>Für alle Kassen speichern</translation>
    </message>
    <message>
        <source>Save quick keys</source>
        <translation>Schnelltasten speichern</translation>
    </message>
    <message>
        <source>The keys are not saved: Close again to leave them as they were.</source>
        <translation>Die Tasten sind nicht gespeichert: nochmals Schließen lässt sie, wie sie waren.</translation>
    </message>
</context>
<context>
    <name>QuickKeysPanel</name>
    <message>
        <source>Quick keys</source>
        <translation>Schnelltasten</translation>
    </message>
    <message>
        <source>Edit keys</source>
        <translation>Tasten bearbeiten</translation>
    </message>
    <message>
        <source>Edit quick keys</source>
        <translation>Schnelltasten bearbeiten</translation>
    </message>
    <message>
        <source>No quick keys yet. A manager sets them up with “Edit keys”.</source>
        <translation>Noch keine Schnelltasten. Ein Filialleiter richtet sie mit „Tasten bearbeiten“ ein.</translation>
    </message>
    <message>
        <source>Quick keys page {name}</source>
        <translation>Schnelltasten-Seite {name}</translation>
    </message>
</context>
<context>
    <name>QuickKeysViewModel</name>
    <message>
        <source>“{0}” is not sold any more: a manager can change the key</source>
        <translation>„{0}“ wird nicht mehr verkauft: ein Filialleiter kann die Taste ändern</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt {0}</source>
        <translation>Bon {0}</translation>
    </message>
    <message>
        <source>Receipt (copy) {0}</source>
        <translation>Bon (Kopie) {0}</translation>
    </message>
    <message>
        <source>Gift receipt {0}</source>
        <translation>Geschenkbon {0}</translation>
    </message>
    <message>
        <source>Gift receipt: no prices</source>
        <translation>Geschenkbon: ohne Preise</translation>
    </message>
    <message>
        <source>To pay at the counter: {amount}</source>
        <translation>An der Kasse zu zahlen: {amount}</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>Rückgeld {amount}</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>Vollständig bezahlt</translation>
    </message>
    <message>
        <source>Change to give</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation>Bonvorschau</translation>
    </message>
    <message>
        <source>Receipt message</source>
        <translation>Bonmeldung</translation>
    </message>
    <message>
        <source>Receipt printer  (F5)</source>
        <translation>Bondrucker  (F5)</translation>
    </message>
    <message>
        <source>Gift receipt  (F6)</source>
        <translation>Geschenkbon  (F6)</translation>
    </message>
    <message>
        <source>The same receipt without prices, to go with a present</source>
        <translation>Derselbe Bon ohne Preise, als Beilage zu einem Geschenk</translation>
    </message>
    <message>
        <source>Print…  (Ctrl+P)</source>
        <translation>Drucken…  (Strg+P)</translation>
    </message>
    <message>
        <source>Save as PDF…  (Ctrl+S)</source>
        <translation>Als PDF speichern…  (Strg+S)</translation>
    </message>
    <message>
        <source>Next sale  (Enter)</source>
        <translation>Nächster Verkauf  (Enter)</translation>
    </message>
    <message>
        <source>Close  (Enter)</source>
        <translation>Schließen  (Enter)</translation>
    </message>
    <message>
        <source>Print on the receipt printer</source>
        <translation>Auf dem Bondrucker drucken</translation>
    </message>
    <message>
        <source>Gift receipt</source>
        <translation>Geschenkbon</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Bon drucken</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Bon als PDF speichern</translation>
    </message>
    <message>
        <source>Next sale</source>
        <translation>Nächster Verkauf</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>printing…</source>
        <translation>wird gedruckt…</translation>
    </message>
    <message>
        <source>{reason} The sale is saved: print it on another printer or save it as PDF.</source>
        <translation>{reason} Der Verkauf ist gespeichert: auf einem anderen Drucker drucken oder als PDF speichern.</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>could not save {0}: check the folder</source>
        <translation>{0} konnte nicht gespeichert werden: bitte den Ordner prüfen</translation>
    </message>
    <message>
        <source>saved {0}</source>
        <translation>{0} gespeichert</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinting</name>
    <message>
        <source>receipt printed on the {0}</source>
        <translation>Bon gedruckt ({0})</translation>
    </message>
    <message>
        <source>gift receipt printed on the {0}</source>
        <translation>Geschenkbon gedruckt ({0})</translation>
    </message>
    <message>
        <source>copy printed on the {0}</source>
        <translation>Kopie gedruckt ({0})</translation>
    </message>
    <message>
        <source>Z report {0} printed on the {1}</source>
        <translation>Z-Bericht {0} gedruckt ({1})</translation>
    </message>
    <message>
        <source>X report {0} printed on the {1}</source>
        <translation>X-Bericht {0} gedruckt ({1})</translation>
    </message>
    <message>
        <source>drawer opened by {0}, approved by {1}</source>
        <translation>Schublade geöffnet von {0}, freigegeben von {1}</translation>
    </message>
    <message>
        <source>drawer opened by {0}</source>
        <translation>Schublade geöffnet von {0}</translation>
    </message>
    <message>
        <source>the printer failed; see the log file</source>
        <translation>der Drucker hat versagt; siehe Protokolldatei</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund {0}</source>
        <translation>{0} erstatten</translation>
    </message>
    <message>
        <source>Refund weight of %1 in kg</source>
        <translation>Erstattetes Gewicht von %1 in kg</translation>
    </message>
    <message>
        <source>Refund quantity of {0}</source>
        <translation>Zu erstattende Menge von {0}</translation>
    </message>
    <message>
        <source>&amp;Everything left</source>
        <translation>&amp;Alles Übrige</translation>
    </message>
    <message>
        <source>&amp;Put the goods back in stock</source>
        <translation>Ware zurück in den &amp;Bestand</translation>
    </message>
    <message>
        <source>Tab: next line&apos;s quantity · Enter: refund · Money goes back the way it was paid.</source>
        <translation>Tab: Menge der nächsten Zeile · Enter: erstatten · Das Geld geht auf dem Zahlungsweg zurück.</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>&amp;Erstatten</translation>
    </message>
</context>
<context>
    <name>ReportColumns</name>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Rabatte</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Eingenommen</translation>
    </message>
    <message>
        <source>Given back</source>
        <translation>Zurückgezahlt</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Warengruppe</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Report message</source>
        <translation>Berichtsmeldung</translation>
    </message>
    <message>
        <source>Receipt printer  (F5)</source>
        <translation>Bondrucker  (F5)</translation>
    </message>
    <message>
        <source>Print on the receipt printer</source>
        <translation>Auf dem Bondrucker drucken</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Bericht drucken</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Bericht als PDF speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the report</source>
        <translation>Bericht schließen</translation>
    </message>
    <message>
        <source>printing on the receipt printer…</source>
        <translation>wird auf dem Bondrucker gedruckt…</translation>
    </message>
    <message>
        <source>{reason} Print it on another printer or save it as PDF.</source>
        <translation>{reason} Auf einem anderen Drucker drucken oder als PDF speichern.</translation>
    </message>
    <message>
        <source>Save the {0} as PDF</source>
        <translation>{0} als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>could not save {0}: check the folder</source>
        <translation>{0} konnte nicht gespeichert werden: bitte den Ordner prüfen</translation>
    </message>
    <message>
        <source>saved {0}</source>
        <translation>{0} gespeichert</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <source>Sales reports</source>
        <translation>Umsatzberichte</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Hour of the day</source>
        <translation>Tageszeit (Stunde)</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Warengruppe</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Save the report as Excel or CSV (Ctrl+S)</source>
        <translation>Bericht als Excel oder CSV speichern (Strg+S)</translation>
    </message>
    <message>
        <source>&amp;Range</source>
        <translation>&amp;Zeitraum</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>&amp;Group by</source>
        <translation>&amp;Gruppieren nach</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Top products (net)</source>
        <translation>Top-Artikel (netto)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
</context>
<context>
    <name>ReportsViewModel</name>
    <message>
        <source>The last day is before the first: choose the range again</source>
        <translation>Der letzte Tag liegt vor dem ersten: bitte den Zeitraum neu wählen</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Gross sales</source>
        <translation>Bruttoumsatz</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Rabatte</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>Nettoumsatz</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Eingenommen</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>Zahlung offen</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>Bargeldrundung</translation>
    </message>
    <message>
        <source>Cancelled, left out</source>
        <translation>Storniert, nicht gezählt</translation>
    </message>
    <message>
        <source>{days} day(s), times in {zone}; cancelled orders left out</source>
        <translation>{days} Tag(e), Zeiten in {zone}; stornierte Bestellungen nicht gezählt</translation>
    </message>
    <message>
        <source>Net sales by hour</source>
        <translation>Nettoumsatz je Stunde</translation>
    </message>
    <message>
        <source>Net sales by day</source>
        <translation>Nettoumsatz je Tag</translation>
    </message>
    <message>
        <source>Show a report first</source>
        <translation>Zuerst einen Bericht anzeigen</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name} gespeichert</translation>
    </message>
    <message>
        <source>that failed; see the log file</source>
        <translation>das ist fehlgeschlagen; siehe Protokolldatei</translation>
    </message>
</context>
<context>
    <name>SaleDialogs</name>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Weight of {name} in kg, e.g. 0.350 (or grams: 350g)?</source>
        <translation>Gewicht von {name} in kg, z. B. 0.350 (oder Gramm: 350g)?</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>How many {name}?</source>
        <translation>Wie viele {name}?</translation>
    </message>
    <message>
        <source>type only the weight, e.g. 0.350</source>
        <translation>nur das Gewicht eingeben, z. B. 0.350</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Zeilenrabatt</translation>
    </message>
    <message>
        <source>Discount on {name}: type 10% or an amount such as {amount} (0 removes it).</source>
        <translation>Rabatt auf {name}: 10% oder einen Betrag wie {amount} eingeben (0 entfernt ihn).</translation>
    </message>
    <message>
        <source>Sale discount</source>
        <translation>Bonrabatt</translation>
    </message>
    <message>
        <source>Discount on the whole sale: type 10% or an amount such as {amount} (0 removes it).</source>
        <translation>Rabatt auf den ganzen Verkauf: 10% oder einen Betrag wie {amount} eingeben (0 entfernt ihn).</translation>
    </message>
    <message>
        <source>Park sale</source>
        <translation>Verkauf parken</translation>
    </message>
    <message>
        <source>A label to find this sale again (e.g. the customer&apos;s name):</source>
        <translation>Eine Bezeichnung, um den Verkauf wiederzufinden (z. B. der Name des Kunden):</translation>
    </message>
    <message>
        <source>VOID</source>
        <translation>STORNO</translation>
    </message>
    <message>
        <source>type {word} to void the sale, or Cancel to keep it</source>
        <translation>{word} eingeben, um den Verkauf zu stornieren, oder Abbrechen, um ihn zu behalten</translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation>Verkauf stornieren</translation>
    </message>
    <message>
        <source>Void this sale and empty the cart? Tap “{button}”, or type {word} and press Enter.</source>
        <translation>Diesen Verkauf stornieren und den Warenkorb leeren? „{button}“ tippen oder {word} eingeben und Enter drücken.</translation>
    </message>
</context>
<context>
    <name>SalePanel</name>
    <message>
        <source>Till and clerk</source>
        <translation>Kasse und Kassierer</translation>
    </message>
    <message>
        <source>Drawer  (Ctrl+D)</source>
        <translation>Schublade  (Strg+D)</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Kassenschublade</translation>
    </message>
    <message>
        <source>Sale discount  (F7)</source>
        <translation>Bonrabatt  (F7)</translation>
    </message>
    <message>
        <source>Discount on the whole sale</source>
        <translation>Rabatt auf den ganzen Verkauf</translation>
    </message>
    <message>
        <source>Park  (F8)</source>
        <translation>Parken  (F8)</translation>
    </message>
    <message>
        <source>Park this sale</source>
        <translation>Diesen Verkauf parken</translation>
    </message>
    <message>
        <source>Parked  (F9)</source>
        <translation>Geparkt  (F9)</translation>
    </message>
    <message>
        <source>Resume a parked sale</source>
        <translation>Geparkten Verkauf fortsetzen</translation>
    </message>
    <message>
        <source>Void  (F10)</source>
        <translation>Storno  (F10)</translation>
    </message>
    <message>
        <source>Void this sale</source>
        <translation>Diesen Verkauf stornieren</translation>
    </message>
    <message>
        <source>Pay  (F12)</source>
        <translation>Bezahlen  (F12)</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Bezahlen</translation>
    </message>
    <message>
        <source>Drawer closed  (Ctrl+D)</source>
        <translation>Schublade zu  (Strg+D)</translation>
    </message>
    <message>
        <source>Cash is refused until the drawer is opened with its float</source>
        <translation>Kein Bargeld, bis die Schublade mit ihrem Wechselgeld geöffnet ist</translation>
    </message>
    <message>
        <source>Cash drawer: pay in, pay out, X report, close</source>
        <translation>Kassenschublade: Einlage, Entnahme, X-Bericht, Abschluss</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>Till {till}  ·  {who}</source>
        <translation>Kasse {till}  ·  {who}</translation>
    </message>
    <message>
        <source>Walk-in customer</source>
        <translation>Laufkunde</translation>
    </message>
    <message>
        <source>Pay  {total}   (F12)</source>
        <translation>Bezahlen  {total}   (F12)</translation>
    </message>
    <message>
        <source>Discount {discount} is over the {limit} clerk limit: a manager approves it at Pay.</source>
        <translation>Rabatt {discount} liegt über der Grenze von {limit} für Kassierer: ein Filialleiter gibt ihn beim Bezahlen frei.</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <source>Scan or type barcode / SKU</source>
        <translation>Barcode / Art.-Nr. scannen</translation>
    </message>
    <message>
        <source>Scan barcode or SKU</source>
        <translation>Barcode oder Art.-Nr. scannen</translation>
    </message>
    <message>
        <source>Scan or type a code and press Enter. With the field empty: plus and minus change the selected line&apos;s quantity, Delete removes it, arrows select a line.</source>
        <translation>Code scannen oder eingeben und Enter drücken. Bei leerem Feld: Plus und Minus ändern die Menge der gewählten Zeile, Entf entfernt sie, die Pfeiltasten wählen eine Zeile.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>As this computer is set</source>
        <translation>Wie an diesem Computer eingestellt</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>This till&apos;s own; it takes effect when the till is next started</source>
        <translation>Gilt nur für diese Kasse, ab dem nächsten Start</translation>
    </message>
    <message>
        <source>Prices include tax</source>
        <translation>Preise inklusive MwSt.</translation>
    </message>
    <message>
        <source>Round tax per line</source>
        <translation>MwSt. je Zeile runden</translation>
    </message>
    <message>
        <source>Round tax on the total</source>
        <translation>MwSt. auf die Summe runden</translation>
    </message>
    <message>
        <source>None: a card-only till</source>
        <translation>Gar nicht: nur Karte</translation>
    </message>
    <message>
        <source>Without drawer sessions</source>
        <translation>Ohne Schubladensitzungen</translation>
    </message>
    <message>
        <source>Prefixes of labels that carry grams, e.g. 21,22,23</source>
        <translation>Präfixe von Etiketten mit Gewicht in Gramm, z. B. 21,22,23</translation>
    </message>
    <message>
        <source>Prefixes of labels that carry a price, e.g. 02,20</source>
        <translation>Präfixe von Etiketten mit Preis, z. B. 02,20</translation>
    </message>
    <message>
        <source>How many digits of the label are the item code</source>
        <translation>Wie viele Ziffern des Etiketts die Artikelnummer sind</translation>
    </message>
    <message>
        <source>item code digits</source>
        <translation>Ziffern Artikelnr.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Name des Geschäfts</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Money and dates as in</source>
        <translation>Beträge und Daten wie in</translation>
    </message>
    <message>
        <source>Language of this till</source>
        <translation>Sprache dieser Kasse</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Tax rounding</source>
        <translation>MwSt.-Rundung</translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation>Bonfußzeile</translation>
    </message>
    <message>
        <source>Till name</source>
        <translation>Name der Kasse</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Kundenanzeige</translation>
    </message>
    <message>
        <source>This till takes cash</source>
        <translation>Bargeld an dieser Kasse</translation>
    </message>
    <message>
        <source>Clerks pay out up to</source>
        <translation>Entnahme ohne Freigabe bis</translation>
    </message>
    <message>
        <source>Into drawer sessions</source>
        <translation>Mit Schubladensitzungen</translation>
    </message>
    <message>
        <source>A float to open the drawer, a count to close it</source>
        <translation>Wechselgeld zum Öffnen der Schublade, eine Zählung zum Abschließen</translation>
    </message>
    <message>
        <source>Clerks close over/short up to</source>
        <translation>Differenz ohne Freigabe bis</translation>
    </message>
    <message>
        <source>Scale labels in grams</source>
        <translation>Waagenetiketten mit Gewicht</translation>
    </message>
    <message>
        <source>Scale labels with a price</source>
        <translation>Waagenetiketten mit Preis</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Bondrucker</translation>
    </message>
    <message>
        <source>&amp;Shop</source>
        <translation>&amp;Geschäft</translation>
    </message>
    <message>
        <source>This t&amp;ill</source>
        <translation>Diese &amp;Kasse</translation>
    </message>
    <message>
        <source>pay-out limit</source>
        <translation>Entnahmegrenze</translation>
    </message>
    <message>
        <source>drawer difference limit</source>
        <translation>Differenzgrenze der Schublade</translation>
    </message>
    <message>
        <source>Receipt printer connection</source>
        <translation>Anschluss des Bondruckers</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Serielle Schnittstelle</translation>
    </message>
    <message>
        <source>Device file</source>
        <translation>Gerätedatei</translation>
    </message>
    <message>
        <source>Receipt printer address</source>
        <translation>Adresse des Bondruckers</translation>
    </message>
    <message>
        <source>Receipt paper width</source>
        <translation>Breite des Bonpapiers</translation>
    </message>
    <message>
        <source>{mm} mm</source>
        <translation>{mm} mm</translation>
    </message>
    <message>
        <source>Test page</source>
        <translation>Testseite</translation>
    </message>
    <message>
        <source>Print test page</source>
        <translation>Testseite drucken</translation>
    </message>
    <message>
        <source>Print a test page on the printer as set here (not yet saved)</source>
        <translation>Eine Testseite auf dem hier eingestellten Drucker drucken (noch nicht gespeichert)</translation>
    </message>
    <message>
        <source>receipt printer: {0}</source>
        <translation>Bondrucker: {0}</translation>
    </message>
    <message>
        <source>printing a test page…</source>
        <translation>Testseite wird gedruckt…</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Right half of this screen (to try it)</source>
        <translation>Rechte Bildschirmhälfte (zum Testen)</translation>
    </message>
    <message>
        <source>Screen {number}: {name} ({width}x{height})</source>
        <translation>Bildschirm {number}: {name} ({width}x{height})</translation>
    </message>
    <message>
        <source>Screen {number} (not connected now)</source>
        <translation>Bildschirm {number} (derzeit nicht angeschlossen)</translation>
    </message>
</context>
<context>
    <name>SettingsViewModel</name>
    <message>
        <source>settings saved</source>
        <translation>Einstellungen gespeichert</translation>
    </message>
    <message>
        <source>test page sent to the {0}</source>
        <translation>Testseite gesendet ({0})</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Ship {0}</source>
        <translation>{0} versenden</translation>
    </message>
    <message>
        <source>Mark {0} shipped</source>
        <translation>{0} als versandt markieren</translation>
    </message>
    <message>
        <source>— no address on the order</source>
        <translation>— keine Adresse in der Bestellung</translation>
    </message>
    <message>
        <source>type or scan it</source>
        <translation>eingeben oder scannen</translation>
    </message>
    <message>
        <source>&amp;No tracking number (an untracked letter or parcel)</source>
        <translation>&amp;Ohne Sendungsnummer (Brief oder Päckchen)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>&amp;Tracking</source>
        <translation>&amp;Sendungsnummer</translation>
    </message>
    <message>
        <source>Mark &amp;shipped</source>
        <translation>Als &amp;versandt markieren</translation>
    </message>
    <message>
        <source>Type or scan the tracking number, or tick “No tracking number”.</source>
        <translation>Sendungsnummer eingeben oder scannen, oder „Ohne Sendungsnummer“ ankreuzen.</translation>
    </message>
</context>
<context>
    <name>ShippingTab</name>
    <message>
        <source>Sa&amp;ve shipping</source>
        <translation>Versand spei&amp;chern</translation>
    </message>
    <message>
        <source>Save &amp;note</source>
        <translation>&amp;Notiz speichern</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Fulfilment</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>Versand an</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>— (walk-in)</source>
        <translation>— (Laufkunde)</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <source>Products and stock</source>
        <translation>Artikel und Bestand</translation>
    </message>
    <message>
        <source>search products by name or SKU</source>
        <translation>Artikel nach Name oder Art.-Nr. suchen</translation>
    </message>
    <message>
        <source>New product…</source>
        <translation>Neuer Artikel…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>how many (an adjustment may be negative)</source>
        <translation>wie viele (eine Korrektur darf negativ sein)</translation>
    </message>
    <message>
        <source>kg (an adjustment may be negative)</source>
        <translation>kg (eine Korrektur darf negativ sein)</translation>
    </message>
    <message>
        <source>note / reason (an adjustment needs one)</source>
        <translation>Notiz / Grund (für eine Korrektur nötig)</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Wareneingang</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>Korrigieren</translation>
    </message>
    <message>
        <source>choose a product in the list first</source>
        <translation>zuerst einen Artikel in der Liste wählen</translation>
    </message>
</context>
<context>
    <name>StockViewModel</name>
    <message>
        <source>{0}: {1} on hand</source>
        <translation>{0}: {1} auf Lager</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Sale totals</source>
        <translation>Summen des Verkaufs</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>SUMME</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 Artikel</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} Artikel</translation>
    </message>
    <message>
        <source>Tax included</source>
        <translation>inkl. MwSt.</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Summe {amount}</translation>
    </message>
    <message>
        <source>Cash: {amount} (rounded)</source>
        <translation>Bar: {amount} (gerundet)</translation>
    </message>
    <message>
        <source> (included)</source>
        <translation> (enthalten)</translation>
    </message>
    <message>
        <source> awaiting payment</source>
        <translation> noch zu zahlen</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>optional, 4-8 digits</source>
        <translation>optional, 4-8 Ziffern</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Benutzer anlegen</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <source>4-8 digits</source>
        <translation>4-8 Ziffern</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>PIN setzen</translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation>PIN entfernen</translation>
    </message>
    <message>
        <source>Selected user</source>
        <translation>Gewählter Benutzer</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>Selected user: {0}</source>
        <translation>Gewählter Benutzer: {0}</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
</context>
<context>
    <name>UsersViewModel</name>
    <message>
        <source>added {0} ({1})</source>
        <translation>{0} ({1}) angelegt</translation>
    </message>
    <message>
        <source>activated {0}</source>
        <translation>{0} aktiviert</translation>
    </message>
    <message>
        <source>deactivated {0}</source>
        <translation>{0} deaktiviert</translation>
    </message>
    <message>
        <source>new password set for {0}</source>
        <translation>neues Passwort für {0} gesetzt</translation>
    </message>
    <message>
        <source>new PIN set for {0}</source>
        <translation>neue PIN für {0} gesetzt</translation>
    </message>
    <message>
        <source>PIN removed for {0}</source>
        <translation>PIN von {0} entfernt</translation>
    </message>
    <message>
        <source>unlocked {0}</source>
        <translation>{0} entsperrt</translation>
    </message>
</context>
<context>
    <name>_CountDialog</name>
    <message>
        <source>Drawer message</source>
        <translation>Schubladenmeldung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
</TS>
