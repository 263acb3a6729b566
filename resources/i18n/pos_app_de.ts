<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>CartModel</name>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CartView</name>
    <message>
        <source>Cart lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogFilesBar</name>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import products from a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count stock from the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set existing products&apos; on-hand to the file&apos;s, booked as a stock count in your name. Unticked, the file only stocks new products.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export products to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>Checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrease quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Increase quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty  (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove  (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount  (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount on selected line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select a line first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is nothing in the cart to park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan an item first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a discount of {discount} is over the {limit} clerk limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the discount needs a manager&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseDrawerDialog</name>
    <message>
        <source>Over or short</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountPanel</name>
    <message>
        <source>Cash counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted in all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerBar</name>
    <message>
        <source>Taken now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer and fulfilment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUSTOMER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer on this sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer  (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fulfilment: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer for this sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find customer by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell without a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEW CUSTOMER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add and attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add new customer and attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no customer found: add them below</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>displayShop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>displayWelcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>displayTotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>displayTotalName</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>displayChange</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateBox</name>
    <message>
        <source>any day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawerDialog</name>
    <message>
        <source>Cash drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawer status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawer message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open drawer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay &amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay cash in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay o&amp;ut…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay cash out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;X report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close drawer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last &amp;Z report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Z report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>No database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database at the path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager&apos;s user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager&apos;s password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeldSalesDialog</name>
    <message>
        <source>Parked sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parked sales list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard  (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No parked sales.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockedPage</name>
    <message>
        <source>Till locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: log in to go on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;IN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {till} is locked: log in to go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {till}: log in to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching clerks? The PIN tab is quicker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in with PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>pos_app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products &amp;&amp; stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in: {name} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {till}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{store} — till {till}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NameSearch</name>
    <message>
        <source>Find by name  (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find product by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pickup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberPad</name>
    <message>
        <source>delete last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decimal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number pad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number pad {key}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenDrawerDialog</name>
    <message>
        <source>Count the float in the drawer, note by note and coin by coin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDetailDialog</name>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Looked at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark what is flagged as looked at (Alt+L): the flag goes on every till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Items &amp;&amp; payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ustomer &amp;&amp; shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint rec&amp;eipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint the receipt (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the goods back in stock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderFilters</name>
    <message>
        <source>Order number or customer  (Ctrl+F, ↓ to the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only orders a sync conflict flagged for a manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Manager approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager password or PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN instead of password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use PIN instead of password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password / PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type the manager&apos;s name and password or PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change from the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplier paid, bank drop, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TO PAY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHANGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CASH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash handed over, then Enter  (Enter alone: exact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash tendered in {currency}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add as part payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add cash as part payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CARD  (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (empty: all due)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card amount in {currency}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card terminal reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add card payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sale  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish sale  (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in cash {amount} (rounded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the discount needs a manager&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductFormDialog</name>
    <message>
        <source>New product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: EAN-13, EAN-8 or UPC-A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>percent, e.g. 20 or 12.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count stock of this product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On sale (untick to stop selling it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickKey</name>
    <message>
        <source>not sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick key {label}, {price}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no longer sold: a manager can change it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickKeysEditor</name>
    <message>
        <source>Quick keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick keys editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAGES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick-key pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page name, e.g. Bakery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move page earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move page later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEYS ON THIS PAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys on this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ Earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move key earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▼ Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move key later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label (empty: the product&apos;s name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product: scan, SKU or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add key to this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COLOUR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AT THE TILL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close quick keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save for every till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save quick keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys are not saved: Close again to leave them as they were.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickKeysPanel</name>
    <message>
        <source>Quick keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit quick keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quick keys yet. A manager sets them up with “Edit keys”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick keys page {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Change to give</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…  (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…  (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next sale  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>&amp;Everything left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Put the goods back in stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab: next line&apos;s quantity · Enter: refund · Money goes back the way it was paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalePanel</name>
    <message>
        <source>Till and clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale discount  (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount on the whole sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Park  (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Park this sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parked  (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume a parked sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void  (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void this sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay  (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till {till}  ·  {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay  {total}   (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount {discount} is over the {limit} clerk limit: a manager approves it at Pay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <source>Scan or type barcode / SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan barcode or SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type a code and press Enter. With the field empty: plus and minus change the selected line&apos;s quantity, Delete removes it, arrows select a line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As this computer is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deutsch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till&apos;s own; it takes effect when the till is next started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices include tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round tax per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round tax on the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into drawer sessions (a float to open, a count to close)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: a card-only till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without drawer sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefixes of labels that carry grams, e.g. 21,22,23</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefixes of labels that carry a price, e.g. 02,20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many digits of the label are the item code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item code digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money and dates as in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax rounding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till takes cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerks pay out up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerks close over/short up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale labels in grams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale labels with a price</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>type or scan it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No tracking number (an untracked letter or parcel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or scan the tracking number, or tick “No tracking number”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShippingTab</name>
    <message>
        <source>Sa&amp;ve shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fulfilment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <source>Products and stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search products by name or SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how many (an adjustment may be negative)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note / reason (an adjustment needs one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a product in the list first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Sale totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Tax included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash: {amount} (rounded)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, 4-8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4-8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_CountDialog</name>
    <message>
        <source>Drawer message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
